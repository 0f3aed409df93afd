# The two commands a new user needs: `make run` and `make test`.
SWIFT ?= swift

.PHONY: run test build release bench deps test-deps clean

deps:
	@scripts/install-deps.sh

test-deps:
	@scripts/install-deps.sh --test

## Start the REPL on the bundled question banks.
run: release
	@.build/release/prepcoach

## Run the whole test suite (unit, rule examples, accuracy, tmux end-to-end).
test: test-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

build: deps
	$(SWIFT) build

# A statically linked Swift runtime starts about 8 ms faster (see BENCHMARKS.md).
RELEASE = -c release --static-swift-stdlib

release: deps
	$(SWIFT) build $(RELEASE) --product prepcoach

## Benchmarks: start-to-plan and lint throughput; figures go in BENCHMARKS.md.
bench: deps
	$(SWIFT) build $(RELEASE)
	.build/release/prepcoach-bench all

clean:
	rm -rf .build
