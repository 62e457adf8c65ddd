# The commands of the README, plus their steps. Everything runs on a fresh Debian 12
# machine: missing Debian packages are installed with apt-get when run as root.
#   make demo        build and run the main job on the bundled sample day (examples/data)
#   make test        build everything and run every test (ctest: C++, C, Python, PHP, Node, packaging)
# Reliability checks with clang (what .ci/run runs after `make test`):
#   make sanitize    build preset $(SANITIZE_PRESET) (ASan + UBSan, libFuzzer coverage) into
#                    build/$(SANITIZE_PRESET) and run the whole test suite sanitized, except
#                    tests labelled `large` (ctest --preset $(SANITIZE_PRESET))
#   make tsan        build the concurrency test with ThreadSanitizer (preset tsan, build/tsan)
#                    and run it
#   make fuzz-smoke  build the libFuzzer targets (preset fuzz, build/fuzz) and run each for
#                    FUZZ_SECONDS seconds with tests/fuzz/run_fuzzers.sh; any finding fails

BUILD_DIR ?= build
BUILD_TYPE ?= RelWithDebInfo
JOBS ?= 2
PYTHON ?= /usr/bin/python3
PACKAGES := $(shell sed -e 's/\#.*//' cmake/debian-packages.txt)
# Node.js for the Node host example (examples/node): Debian's nodejs + npm, unless a Node.js
# is installed already (e.g. NodeSource's, whose nodejs package conflicts with Debian's npm).
PACKAGES += $(if $(shell command -v node),,nodejs npm)
KOFFI := examples/node/node_modules/koffi/package.json

# The clang build that runs the sanitized suite: `fuzz` (asan-ubsan + libFuzzer coverage and
# the fuzz targets), so that one clang build serves both `make sanitize` and `make fuzz-smoke`.
# SANITIZE_PRESET=asan-ubsan runs the suite without building the fuzzers.
SANITIZE_PRESET ?= fuzz
FUZZ_SECONDS ?= 20
FUZZ_RUNNER ?= tests/fuzz/run_fuzzers.sh

.PHONY: demo test deps configure build clean sanitize tsan fuzz-smoke

demo: configure
	cmake --build $(BUILD_DIR) -j $(JOBS) --target cxkit-demo
	mkdir -p $(BUILD_DIR)/demo
	$(BUILD_DIR)/examples/cpp/cxkit-demo --out $(BUILD_DIR)/demo

test: build
	ctest --test-dir $(BUILD_DIR) --output-on-failure -j $(JOBS)

build: configure
	cmake --build $(BUILD_DIR) -j $(JOBS)

configure: deps
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) \
	  -DPython3_EXECUTABLE=$(PYTHON)

deps:
	@missing=""; \
	for p in $(PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || \
	    missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing Debian packages:$$missing"; \
	    apt-get update -q && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $$missing; \
	  else \
	    echo "Missing Debian packages:$$missing"; \
	    echo "Run as root, or: sudo apt-get install$$missing"; exit 1; \
	  fi; \
	fi
	@# koffi (Node's FFI), pinned by examples/node/package-lock.json; its prebuilt binary comes
	@# in a per-platform package, so no install script needs to run.
	@if [ ! -f $(KOFFI) ] || \
	   [ examples/node/package-lock.json -nt examples/node/node_modules/.package-lock.json ]; then \
	  npm ci --prefix examples/node --ignore-scripts --no-audit --no-fund; \
	fi

sanitize: deps
	cmake --preset $(SANITIZE_PRESET)
	cmake --build --preset $(SANITIZE_PRESET) -j $(JOBS)
	ctest --preset $(SANITIZE_PRESET) -j $(JOBS)

tsan: deps
	cmake --preset tsan
	cmake --build --preset tsan -j $(JOBS)
	ctest --preset tsan

fuzz-smoke: deps
	@test -x $(FUZZ_RUNNER) || { echo "fuzz-smoke: $(FUZZ_RUNNER) is missing (it comes with the libFuzzer targets)"; exit 1; }
	cmake --preset fuzz
	cmake --build --preset fuzz -j $(JOBS)
	$(FUZZ_RUNNER) build/fuzz $(FUZZ_SECONDS)

clean:
	rm -rf $(BUILD_DIR)
