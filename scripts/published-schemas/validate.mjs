// Validate custom resources against the schemas their operators publish (the CRDs of
// Strimzi, KEDA and the Prometheus Operator, as packaged by kubernetes-models on npm):
// scripts/k8s_validate.py writes the rendered objects as a JSON array to a file and reads
// back one JSON line of errors.
//   node validate.mjs objects.json   ->   {"errors": ["KafkaTopic/x: data/spec/... must be ..."]}
import fs from "node:fs";

const MODELS = {
  "kafka.strimzi.io/v1": {
    path: "@kubernetes-models/strimzi-kafka-operator/kafka.strimzi.io/v1",
    kinds: ["Kafka", "KafkaNodePool", "KafkaTopic", "KafkaUser"],
  },
  "monitoring.coreos.com/v1": {
    path: "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1",
    kinds: ["ServiceMonitor"],
  },
  "keda.sh/v1alpha1": {
    path: "@kubernetes-models/keda/keda.sh/v1alpha1",
    kinds: ["ScaledObject", "TriggerAuthentication"],
  },
};

async function model(apiVersion, kind) {
  const group = MODELS[apiVersion];
  if (!group || !group.kinds.includes(kind)) return null;
  const module = await import(`${group.path}/${kind}`);
  return module[kind];
}

const objects = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const errors = [];
for (const obj of objects) {
  const name = `${obj.kind}/${obj.metadata?.name}`;
  const Model = await model(obj.apiVersion, obj.kind);
  if (Model === null) {
    errors.push(`${name}: no published schema here for ${obj.apiVersion} ${obj.kind}`);
    continue;
  }
  try {
    new Model(obj).validate();
  } catch (error) {
    errors.push(`${name} [${obj.apiVersion}]: ${error.message}`);
  }
}
console.log(JSON.stringify({ errors }));
