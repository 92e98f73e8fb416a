# Shortcuts for the two scripts README.md gives.
.PHONY: run test
run:
	@bash scripts/run.sh
test:
	@bash scripts/test.sh
