# Livebid: the two commands a newcomer needs are `make demo` and `make test`.
UV := .local/uv/bin/uv
RUN := $(UV) run --frozen

.PHONY: setup demo test unit integration lint gen check-gen bench chaos kafka-start kafka-stop k8s

setup:            ## install uv, the locked environment and Kafka's jars
	@bash scripts/bootstrap.sh >/dev/null

demo: setup       ## run the platform locally with a rehearsal show and simulated bidders
	$(RUN) python -m livebid_sim.rehearsal $(ARGS)

test: setup lint check-gen k8s  ## the whole suite: unit, adapter and integration tests on a real broker
	$(RUN) pytest $(ARGS)

unit: setup
	$(RUN) pytest -m "not integration" $(ARGS)

integration: setup
	$(RUN) pytest -m integration $(ARGS)

lint: setup
	$(RUN) ruff check .
	$(RUN) ruff format --check .
	$(RUN) mypy platform/src devtools/src services/*/src sim/src
	$(RUN) buf lint protos
	$(RUN) buf breaking protos --against contracts/baseline/livebid-v1.json
	$(RUN) hadolint Dockerfile

gen: setup        ## regenerate contracts/src from protos/, the Kafka resources, the event catalog and AsyncAPI (never edit generated code)
	$(RUN) python scripts/gen_protos.py
	$(RUN) python -m livebid_devtools.kafka_manifests
	$(RUN) python -m livebid_devtools.event_catalog

check-gen: setup
	$(RUN) python scripts/gen_protos.py --check
	$(RUN) python -m livebid_devtools.kafka_manifests --check
	$(RUN) python -m livebid_devtools.event_catalog --check

bench: setup      ## bid round trip and throughput, beside raw Kafka in the same run
	$(RUN) python -m bench $(ARGS)

chaos: setup      ## the full fault suite on its own broker: kills, a broker restart, poison (< 10 min)
	$(RUN) python -m tests.chaos.run_chaos --full $(ARGS)

kafka-start: setup
	$(RUN) python -m livebid_devtools.localkafka start

kafka-stop:
	$(RUN) python -m livebid_devtools.localkafka stop

k8s:              ## render every kustomize overlay and validate it offline
	bash scripts/k8s_validate.sh
