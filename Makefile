# Racecourse: `make lab` sets up and opens the course; `make test` runs every test; `make bench` the benchmarks.
SHELL := /bin/bash
JAVA_HOME := $(shell bin/racecourse --java-home 2>/dev/null)
export JAVA_HOME
export PATH := $(JAVA_HOME)/bin:$(PATH)
export PYDEVD_DISABLE_FILE_VALIDATION := 1
MVN := mvn -B -q -Dstyle.color=never
# The Python that runs Jupyter (Debian's /usr/bin/python3, or a conda environment's).
PYTHON ?= $(shell j=$$(command -v jupyter || echo /usr/bin/jupyter); head -1 $$j 2>/dev/null | sed -n 's/^#!//p' | grep -v env || echo /usr/bin/python3)
TEST_JUPYTER := $(CURDIR)/build/jupyter
LAB_ARGS ?=

.PHONY: lab setup deps test-deps build kernel test unit-tests test-kernel protocol-tests notebook-tests browser-check it-tests bench check-jdk clean

lab: setup
	bin/racecourse lab $(LAB_ARGS)

setup: deps build kernel

deps:
	kernel-setup/install-deps

# What the tests need besides the course (Chromium, Node.js, ipykernel, jupyter_kernel_test); as root or via sudo.
test-deps:
	kernel-setup/install-deps --test

check-jdk:
	@test -n "$(JAVA_HOME)" || { bin/racecourse --java-home; exit 1; }

build: check-jdk
	$(MVN) package -DskipTests

kernel: build
	bin/racecourse kernel install

# Every test: unit and stress tests of each module, the kernel over the Jupyter protocol (with Jupyter's own
# conformance suite), every notebook, lesson 1 in a browser, the launcher's JDK discovery and a Binder-shaped
# postBuild (last: it builds a fresh copy of the tree). Installs what the tests need first.
test: check-jdk test-deps unit-tests test-kernel protocol-tests notebook-tests browser-check it-tests
	@echo "make test: all suites passed"

unit-tests:
	$(MVN) verify

test-kernel:
	rm -rf $(TEST_JUPYTER) && bin/racecourse kernel install --prefix $(TEST_JUPYTER)

protocol-tests:
	JUPYTER_PATH=$(TEST_JUPYTER)/share/jupyter $(PYTHON) -m unittest discover -s src/kernel/src/test/python -t src/kernel/src/test/python -v

notebook-tests:
	JUPYTER_PATH=$(TEST_JUPYTER)/share/jupyter $(PYTHON) src/it/notebooks.py notebooks exercises

browser-check:
	JUPYTER_PATH=$(TEST_JUPYTER)/share/jupyter src/it/browser-check

# The launcher's JDK discovery (fake JDK layouts) and postBuild in a repo2docker-shaped environment.
it-tests:
	$(PYTHON) -m unittest discover -s src/it -p 'test_*.py' -v

# The benchmarks behind the figures in the docs; each prints its numbers (nothing here asserts a timing).
bench: build
	rm -rf $(TEST_JUPYTER) && bin/racecourse kernel install --prefix $(TEST_JUPYTER)
	JUPYTER_PATH=$(TEST_JUPYTER)/share/jupyter bin/racecourse bench kernel
	bin/racecourse bench stress
	bin/racecourse bench race
	bin/racecourse bench grader
	bin/racecourse bench explore
	bin/racecourse bench jmm

clean:
	$(MVN) clean
	rm -rf build
