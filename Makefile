# The two commands a newcomer needs:
#   make run    build painchat (release) and start a conversation
#   make test   unit, dialogue and end-to-end tests, data lint and the classifier check
export PATH := $(PATH):/opt/swift/usr/bin

.PHONY: run test deps build release bench

deps:
	@bash scripts/install-deps.sh

release: deps
	swift build -c release --product painchat

run: release
	./.build/release/painchat

build: deps
	swift build --build-tests

test: build
	./.build/debug/painchat lint
	./.build/debug/painchat eval --min-accuracy 0.80
	./.build/debug/painchat test
	swift test
