# The two commands a new user needs: `make run` and `make test`.
SWIFT ?= swift

.PHONY: run test build release bench deps test-deps clean man install uninstall

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

## Install under PREFIX (default /usr/local; DESTDIR for packaging): the binary, the
## bundled banks (found relative to the binary), the man page and bash/zsh/fish completions.
PREFIX ?= /usr/local
MANPAGE = .build/man/prepcoach.1

install: release man
	scripts/install.sh "$(DESTDIR)$(PREFIX)" .build/release/prepcoach $(MANPAGE)

uninstall:
	scripts/install.sh --uninstall "$(DESTDIR)$(PREFIX)"

## The man page, generated from the commands' own help by swift-argument-parser's
## generate-manual tool (the tool of `swift package plugin generate-manual`).
man: release
	$(SWIFT) build --product generate-manual
	mkdir -p .build/man
	"$$($(SWIFT) build --show-bin-path)/generate-manual" .build/release/prepcoach --output-directory .build/man

clean:
	rm -rf .build
