# Samspil: the two commands are `make run` and `make test` (README.md).
.PHONY: run test build build-test bench bootstrap clean fuzz

BUILD      ?= build
TEST_BUILD ?= build-asan
DB         ?= var/samspil.db
LISTEN     ?= 127.0.0.1:8080
JOBS       ?= $(shell nproc)

bootstrap:
	@scripts/bootstrap

# Release-style build of build/samspil (optimised, with debug info).
build: bootstrap
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	@cmake --build $(BUILD) -j $(JOBS) --target samspil

# Migrates, loads "Demo Kommune" into var/samspil.db and serves http://localhost:8080.
run: build
	@mkdir -p var
	@# The field key (TOTP secrets): made once, kept with the local database.
	@test -s var/secret.key || (umask 077 && head -c32 /dev/urandom | base64 > var/secret.key)
	@$(BUILD)/samspil demo --database-url sqlite:///$(abspath $(DB)) --secret-key-file var/secret.key
	@echo "Samspil kører på http://localhost:$(lastword $(subst :, ,$(LISTEN)))/  (stop med Ctrl+C)"
	@exec $(BUILD)/samspil serve --database-url sqlite:///$(abspath $(DB)) --listen $(LISTEN) --secure-cookies=false \
	  --secret-key-file var/secret.key --public-base-url http://localhost:$(lastword $(subst :, ,$(LISTEN)))

# Builds everything with AddressSanitizer + UBSan and runs every suite on SQLite and on a
# throwaway PostgreSQL cluster.
test: bootstrap
	@scripts/test

build-test: bootstrap
	@cmake -S . -B $(TEST_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=asan >/dev/null
	@cmake --build $(TEST_BUILD) -j $(JOBS)

# HTTP vs nginx (incl. the signed-in "Mit overblik"), then case search vs raw SQL and the
# demo load time on SQLite; figures and the Google Benchmark programs: bench/RESULTS.md.
bench: build
	@cmake --build $(BUILD) -j $(JOBS) --target bench_slots bench_models bench_pdf bench_ical bench_convene bench_overview
	@BUILD=$(BUILD) bench/http.sh
	@SAMSPIL_BIN=$(BUILD)/samspil bench/search.py sqlite

clean:
	rm -rf $(BUILD) $(TEST_BUILD)
