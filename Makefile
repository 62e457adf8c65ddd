# The two commands of the README, plus their steps. Everything runs on a fresh Debian 12
# machine: missing Debian packages are installed with apt-get when run as root.
#   make demo   build and run the main job on the bundled sample day (examples/data)
#   make test   build everything and run every test (ctest: C++, C, Python, PHP, Node, packaging)

BUILD_DIR ?= build
BUILD_TYPE ?= RelWithDebInfo
JOBS ?= 2
PYTHON ?= /usr/bin/python3
PACKAGES := $(shell sed -e 's/\#.*//' cmake/debian-packages.txt)
# Node.js for the Node host example (examples/node): Debian's nodejs + npm, unless a Node.js
# is installed already (e.g. NodeSource's, whose nodejs package conflicts with Debian's npm).
PACKAGES += $(if $(shell command -v node),,nodejs npm)
KOFFI := examples/node/node_modules/koffi/package.json

.PHONY: demo test deps configure build clean

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

clean:
	rm -rf $(BUILD_DIR)
