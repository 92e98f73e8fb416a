# The two commands a newcomer needs:
#   make run    build painchat (release) and start a conversation
#   make test   unit, dialogue and end-to-end tests, data lint and the classifier check
export PATH := $(PATH):/opt/swift/usr/bin

.PHONY: run test test-deps deps build release bench

deps:
	@bash scripts/install-deps.sh

release: deps
	swift build -c release --product painchat

run: release
	./.build/release/painchat

build: deps
	swift build --build-tests

test-deps:
	@bash scripts/install-deps.sh --test

test: test-deps build
	./.build/debug/painchat lint
	./.build/debug/painchat eval --min-accuracy 0.85
	./.build/debug/painchat eval --retrieval --min-hit3 0.90
	./.build/debug/painchat test
	bash scripts/check-no-network.sh ./.build/debug/painchat
	swift build -c release --product painchat-bench
	./.build/release/painchat-bench fuzz --n 100000 --seed 1
	./.build/release/painchat-bench soak --turns 10000
	swift test
