"""Render every Kustomize overlay (alone, with each optional component, and with all of
them) and validate every rendered object offline: Kubernetes JSON schemas (strict),
the hardening every Livebid pod must have, and the references between objects.

Run it through the script that installs its pinned tools first:

    scripts/k8s_validate.sh

Exit status: 0 when every render passes, 1 when anything fails, 2 on a usage error.
"""

from __future__ import annotations

import argparse
import functools
import itertools
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import kubernetes_validate
import kubernetes_validate.utils
import yaml
from k8s_custom_resources import check_custom, check_scaling, is_custom

Obj = dict[str, Any]

WORKLOAD_KINDS = {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job"}
CLUSTER_SCOPED = {
    "Namespace",
    "ClusterRole",
    "ClusterRoleBinding",
    "PriorityClass",
    "StorageClass",
    "CustomResourceDefinition",
    "PersistentVolume",
}
# Secrets that no overlay renders on purpose: created in the cluster out of band.
EXTERNAL_SECRETS = {"livebid-token", "livebid-tls", "livebid-cluster-ca-cert"}
EXEMPT = "hardening.livebid.io/exempt"
EXEMPT_REASON = "hardening.livebid.io/reason"


@dataclass(frozen=True)
class Render:
    """One kustomize build: an overlay plus optional components on top of it."""

    overlay: Path
    components: tuple[Path, ...] = ()

    @property
    def name(self) -> str:
        return "+".join([self.overlay.name, *(c.name for c in self.components)])


@dataclass
class Result:
    render: Render
    objects: int = 0
    build: list[str] = field(default_factory=list)
    schema: list[str] = field(default_factory=list)
    hardening: list[str] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    scaling: list[str] = field(default_factory=list)
    external: set[str] = field(default_factory=set)
    exemptions: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def failures(self) -> int:
        return sum(
            map(len, (self.build, self.schema, self.hardening, self.references, self.scaling))
        )


def _kustomization(directory: Path) -> Obj:
    data = yaml.safe_load((directory / "kustomization.yaml").read_text())
    return data if isinstance(data, dict) else {}


def discover(k8s: Path) -> list[Render]:
    """Every overlay alone, with each component it lacks, and with all of them at once
    (not every subset: that doubles with each component); and the production Kafka
    cluster (deploy/k8s/kafka), which stands alone."""
    overlays = sorted(p.parent for p in (k8s / "overlays").glob("*/kustomization.yaml"))
    components = sorted(p.parent for p in (k8s / "components").glob("*/kustomization.yaml"))
    renders = [Render(k8s / "kafka")] if (k8s / "kafka" / "kustomization.yaml").exists() else []
    for overlay in overlays:
        included = {(overlay / c).resolve() for c in _kustomization(overlay).get("components", [])}
        optional = [c for c in components if c.resolve() not in included]
        renders.append(Render(overlay))
        renders += [Render(overlay, (c,)) for c in optional]
        if len(optional) > 1:
            renders.append(Render(overlay, tuple(optional)))
    return renders


def build(kustomize: list[str], render: Render, scratch: Path) -> str:
    """The rendered YAML of one render; a combination is built from a generated wrapper."""
    target = render.overlay
    if render.components:
        target = scratch / render.name
        target.mkdir(parents=True, exist_ok=True)
        # As if the components were listed in the overlay itself: same namespace.
        wrapper = {
            "apiVersion": "kustomize.config.k8s.io/v1beta1",
            "kind": "Kustomization",
            "namespace": _kustomization(render.overlay).get("namespace"),
            "resources": [_relative(render.overlay, target)],
            "components": [_relative(c, target) for c in render.components],
        }
        if wrapper["namespace"] is None:
            del wrapper["namespace"]
        (target / "kustomization.yaml").write_text(yaml.safe_dump(wrapper, sort_keys=False))
    done = subprocess.run([*kustomize, str(target)], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(done.stderr.strip() or f"kustomize exited {done.returncode}")
    return done.stdout


def _relative(path: Path, start: Path) -> str:
    return os.path.relpath(path.resolve(), start.resolve())


def kn(obj: Obj) -> str:
    return f"{obj.get('kind')}/{obj.get('metadata', {}).get('name')}"


# --- schemas ---------------------------------------------------------------------------


# kubernetes_validate re-reads and re-parses its schema files (one of them 1.8 MB) for
# every object; they never change during a run, so read each once.
kubernetes_validate.utils.schema_contents = functools.lru_cache(maxsize=None)(
    kubernetes_validate.utils.schema_contents
)


def check_schemas(objs: list[Obj], versions: list[str], crd_validator: Path | None) -> list[str]:
    errors = check_custom(objs, crd_validator)
    for obj in (o for o in objs if not is_custom(o)):
        for version in versions:
            try:
                kubernetes_validate.validate(obj, version, strict=True)
            except kubernetes_validate.ValidationError as exc:
                path = ".".join(str(p) for p in exc.path) or "(root)"
                errors.append(f"{kn(obj)} [k8s {version}] {path}: {exc.message}")
            except kubernetes_validate.SchemaNotFoundError as exc:
                errors.append(f"{kn(obj)} [k8s {version}] {exc.message}")
    return errors


# --- hardening -------------------------------------------------------------------------


def pod_template(obj: Obj) -> Obj | None:
    if obj.get("kind") in WORKLOAD_KINDS:
        template: Obj = obj.get("spec", {}).get("template", {})
        return template
    if obj.get("kind") == "CronJob":
        cron: Obj = obj["spec"]["jobTemplate"]["spec"]["template"]
        return cron
    if obj.get("kind") == "Pod":
        return obj
    return None


def check_hardening(obj: Obj, exemptions: list[str]) -> list[str]:
    """What the "restricted" Pod Security Standard asks, and what Livebid adds to it."""
    template = pod_template(obj)
    if template is None:
        return []
    annotations = template.get("metadata", {}).get("annotations", {})
    exempt = {e.strip() for e in annotations.get(EXEMPT, "").split(",") if e.strip()}
    errors = []
    if exempt:
        if not annotations.get(EXEMPT_REASON, "").strip():
            errors.append(f"{kn(obj)}: {EXEMPT} without a {EXEMPT_REASON} annotation")
        exemptions.append(f"{kn(obj)}: {', '.join(sorted(exempt))}")
    spec = template.get("spec", {})
    pod_sc = spec.get("securityContext", {})
    volumes = {v["name"]: v for v in spec.get("volumes", [])}

    def need(ok: bool, what: str, where: str = "pod") -> None:
        if not ok and what not in exempt:
            errors.append(f"{kn(obj)} {where}: {what}")

    need(spec.get("automountServiceAccountToken") is False, "automountServiceAccountToken")
    need("terminationGracePeriodSeconds" in spec, "terminationGracePeriodSeconds")
    for host in ("hostNetwork", "hostPID", "hostIPC"):
        need(not spec.get(host), f"no {host}")
    need(not any("hostPath" in v for v in volumes.values()), "no hostPath volumes")
    containers = [*spec.get("initContainers", []), *spec.get("containers", [])]
    for c in containers:
        where = f"container {c.get('name')}"
        sc = c.get("securityContext", {})
        need(sc.get("runAsNonRoot", pod_sc.get("runAsNonRoot")) is True, "runAsNonRoot", where)
        need(sc.get("runAsUser", pod_sc.get("runAsUser")) != 0, "runAsUser not 0", where)
        seccomp = sc.get("seccompProfile", pod_sc.get("seccompProfile", {})).get("type")
        need(seccomp in ("RuntimeDefault", "Localhost"), "seccompProfile", where)
        need(sc.get("allowPrivilegeEscalation") is False, "allowPrivilegeEscalation", where)
        need(not sc.get("privileged"), "not privileged", where)
        need("ALL" in sc.get("capabilities", {}).get("drop", []), "capabilities", where)
        need(sc.get("readOnlyRootFilesystem") is True, "readOnlyRootFilesystem", where)
        if sc.get("readOnlyRootFilesystem") is True:
            tmp = [m for m in c.get("volumeMounts", []) if m.get("mountPath") == "/tmp"]
            need(
                bool(tmp) and "emptyDir" in volumes.get(tmp[0]["name"], {}),
                "emptyDir at /tmp",
                where,
            )
        res = c.get("resources", {})
        for kind, key in itertools.product(("requests", "limits"), ("cpu", "memory")):
            need(key in res.get(kind, {}), f"resources.{kind}.{key}", where)
        image = str(c.get("image", ""))
        tag = image.rsplit("/", 1)[-1].partition(":")[2]
        need("@sha256:" in image or (tag != "" and tag != "latest"), "image tag", where)
        if c in spec.get("initContainers", []):
            continue
        # The metrics port is scraped, not a health signal: it needs no probe of its own.
        ports = {p.get("name", "") for p in c.get("ports", [])} - {"metrics"}
        if ports:
            need("readinessProbe" in c and "livenessProbe" in c, "probes", where)
        for probe_name in ("startupProbe", "livenessProbe", "readinessProbe"):
            probe = c.get(probe_name)
            if probe is None:
                continue
            if ports and all(p.startswith("grpc") for p in ports):
                need("grpc" in probe, f"{probe_name} is a native grpc probe", where)
            elif any(p.startswith("http") for p in ports):
                need("httpGet" in probe, f"{probe_name} is an httpGet probe", where)
    return errors


# --- references ------------------------------------------------------------------------


def _refs(spec: Obj) -> Iterator[tuple[str, str]]:
    """(kind, name) of every ConfigMap and Secret a pod spec needs (optional ones aside)."""
    for c in [*spec.get("initContainers", []), *spec.get("containers", [])]:
        for source in c.get("envFrom", []):
            if "configMapRef" in source:
                yield "ConfigMap", source["configMapRef"]["name"]
            if "secretRef" in source:
                yield "Secret", source["secretRef"]["name"]
        for env in c.get("env", []):
            ref = env.get("valueFrom", {})
            if "configMapKeyRef" in ref:
                yield "ConfigMap", ref["configMapKeyRef"]["name"]
            # An optional reference may be missing by design (a feature left unconfigured).
            if "secretKeyRef" in ref and not ref["secretKeyRef"].get("optional"):
                yield "Secret", ref["secretKeyRef"]["name"]
    for v in spec.get("volumes", []):
        if "configMap" in v:
            yield "ConfigMap", v["configMap"]["name"]
        if "secret" in v:
            yield "Secret", v["secret"]["secretName"]


def _labels(template: Obj) -> Obj:
    labels: Obj = template.get("metadata", {}).get("labels", {})
    return labels


def _matches(selector: Obj, labels: Obj) -> bool:
    return bool(selector) and all(labels.get(k) == v for k, v in selector.items())


def check_references(objs: list[Obj], external: set[str]) -> list[str]:
    names = {(o.get("kind"), o["metadata"]["name"]) for o in objs}
    pods = [(o, t) for o in objs if (t := pod_template(o)) is not None]
    errors = []
    services = {o["metadata"]["name"]: o for o in objs if o.get("kind") == "Service"}

    def exists(kind: str, name: str, who: str) -> None:
        if (kind, name) in names:
            return
        generated = any(k == kind and n.startswith(f"{name}-") for k, n in names)
        if kind == "Secret" and name in EXTERNAL_SECRETS and not generated:
            external.add(name)  # expected to be created in the cluster, out of band
            return
        if kind == "Secret" and ("KafkaUser", name) in names:
            return  # Strimzi's User Operator writes each KafkaUser's Secret
        errors.append(f"{who}: refers to {kind}/{name}, which is not rendered")

    for obj in objs:
        meta = obj["metadata"]
        if obj.get("kind") not in CLUSTER_SCOPED and not meta.get("namespace"):
            errors.append(f"{kn(obj)}: no namespace (every overlay must set one)")
    for obj, template in pods:
        spec = template.get("spec", {})
        for kind, name in _refs(spec):
            exists(kind, name, kn(obj))
        if "serviceAccountName" in spec:
            exists("ServiceAccount", spec["serviceAccountName"], kn(obj))
        if obj.get("kind") == "StatefulSet" and obj["spec"].get("serviceName"):
            exists("Service", obj["spec"]["serviceName"], kn(obj))
            governing = services.get(obj["spec"]["serviceName"])
            if governing is not None and governing["spec"].get("clusterIP") != "None":
                errors.append(f"{kn(obj)}: serviceName {kn(governing)} is not headless")
        # LIVEBID_REPLICA names a write-side replica's transactional id: it must be stable
        # per replica and unique, which only a StatefulSet's pod name is.
        for c in spec.get("containers", []):
            for env in c.get("env", []):
                if env.get("name") != "LIVEBID_REPLICA":
                    continue
                field_path = env.get("valueFrom", {}).get("fieldRef", {}).get("fieldPath")
                if obj.get("kind") != "StatefulSet" or field_path != "metadata.name":
                    errors.append(
                        f"{kn(obj)}: LIVEBID_REPLICA must be the pod name (fieldRef "
                        "metadata.name) of a StatefulSet pod"
                    )
        selector = obj.get("spec", {}).get("selector", {}).get("matchLabels", {})
        if obj.get("kind") in WORKLOAD_KINDS and not _matches(selector, _labels(template)):
            errors.append(f"{kn(obj)}: selector does not match its pod template's labels")
    for svc in (o for o in objs if o.get("kind") == "Service"):
        selector = svc["spec"].get("selector", {})
        targets = [t for _, t in pods if _matches(selector, _labels(t))]
        if not targets:
            errors.append(f"{kn(svc)}: its selector matches no pod")
            continue
        ports = [p for t in targets for c in t["spec"]["containers"] for p in c.get("ports", [])]
        for port in svc["spec"].get("ports", []):
            target = port.get("targetPort", port["port"])
            if not any(target in (p.get("name"), p["containerPort"]) for p in ports):
                errors.append(f"{kn(svc)}: targetPort {target} is no container port")
    for pdb in (o for o in objs if o.get("kind") == "PodDisruptionBudget"):
        selector = pdb["spec"].get("selector", {}).get("matchLabels", {})
        if not any(_matches(selector, _labels(t)) for _, t in pods):
            errors.append(f"{kn(pdb)}: its selector matches no pod")
    for hpa in (o for o in objs if o.get("kind") == "HorizontalPodAutoscaler"):
        ref = hpa["spec"]["scaleTargetRef"]
        target = next(
            (
                o
                for o in objs
                if o.get("kind") == ref["kind"] and o["metadata"]["name"] == ref["name"]
            ),
            None,
        )
        if target is None:
            errors.append(f"{kn(hpa)}: scales {ref['kind']}/{ref['name']}, which is not rendered")
        elif "replicas" in target["spec"]:
            errors.append(
                f"{kn(hpa)}: {kn(target)} sets spec.replicas, which would reset "
                "the autoscaler's choice on every apply"
            )
    for ing in (o for o in objs if o.get("kind") == "Ingress"):
        for tls in ing["spec"].get("tls", []):
            exists("Secret", tls["secretName"], kn(ing))
        for rule in ing["spec"].get("rules", []):
            for path in rule.get("http", {}).get("paths", []):
                backend = path["backend"]["service"]
                service = services.get(backend["name"])
                port = backend["port"].get("name", backend["port"].get("number"))
                if service is None:
                    errors.append(f"{kn(ing)}: backend Service/{backend['name']} is not rendered")
                elif not any(port in (p.get("name"), p["port"]) for p in service["spec"]["ports"]):
                    errors.append(f"{kn(ing)}: Service/{backend['name']} has no port {port}")
    return errors


# --- main ------------------------------------------------------------------------------


def validate(
    render: Render, kustomize: list[str], versions: list[str], out: Path, crds: Path | None
) -> Result:
    result = Result(render)
    started = time.monotonic()
    try:
        rendered = build(kustomize, render, out / "combos")
    except RuntimeError as exc:
        result.build.append(f"kustomize build failed: {exc}")
        return result
    (out / "rendered" / f"{render.name}.yaml").write_text(rendered)
    objs = [o for o in yaml.safe_load_all(rendered) if o]
    result.objects = len(objs)
    result.schema = check_schemas(objs, versions, crds)
    for obj in objs:
        result.hardening += check_hardening(obj, result.exemptions)
    result.references = check_references(objs, result.external)
    result.scaling = check_scaling(objs)
    result.seconds = time.monotonic() - started
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--kustomize", required=True, help="the render command, e.g. 'kustomize build'"
    )
    parser.add_argument("--kubernetes-versions", default="1.30.0,1.37.0")
    parser.add_argument("--k8s-dir", type=Path, default=Path("deploy/k8s"))
    parser.add_argument("--out", type=Path, default=Path(".local/k8s"))
    parser.add_argument(
        "--crd-validator", type=Path, help="validate.mjs of the installed CRD schemas"
    )
    parser.add_argument("--checkov", type=Path, help="the checkov executable (policy scan)")
    args = parser.parse_args()
    kustomize = args.kustomize.split()
    versions = [v.strip() for v in args.kubernetes_versions.split(",") if v.strip()]
    if not (args.k8s_dir / "overlays").is_dir():
        print(f"no overlays under {args.k8s_dir}", file=sys.stderr)
        return 2
    shutil.rmtree(args.out / "combos", ignore_errors=True)
    shutil.rmtree(args.out / "rendered", ignore_errors=True)
    (args.out / "rendered").mkdir(parents=True)

    results = [
        validate(r, kustomize, versions, args.out, args.crd_validator)
        for r in discover(args.k8s_dir)
    ]

    width = max(len(r.render.name) for r in results)
    print(
        f"\nKubernetes schemas (strict): {', '.join(versions)}; "
        f"rendered YAML in {args.out}/rendered/"
    )
    print(f"{'render':<{width}}  objects  schema  hardening  references  scaling  result")
    for r in results:
        verdict = "ok" if r.failures == 0 else "FAIL"
        print(
            f"{r.render.name:<{width}}  {r.objects:>7}  {len(r.schema):>6}  "
            f"{len(r.hardening):>9}  {len(r.references):>10}  {len(r.scaling):>7}  {verdict}"
        )
    # Most faults sit in the base and show in every render: print each one once.
    where: dict[str, list[str]] = {}
    for r in results:
        for kind, errors in (
            ("build", r.build),
            ("schema", r.schema),
            ("hardening", r.hardening),
            ("references", r.references),
            ("scaling", r.scaling),
        ):
            for error in errors:
                where.setdefault(f"{kind}: {error}", []).append(r.render.name)
    for error, renders in where.items():
        everywhere = len(renders) == len(results)
        scope = f"all {len(results)} renders" if everywhere else ", ".join(renders)
        print(f"  {error}  [{scope}]")
    external = sorted(set().union(*(r.external for r in results)))
    if external:
        print(f"Secrets expected in the cluster, not rendered: {', '.join(external)}")
    exemptions = sorted(set().union(*(set(r.exemptions) for r in results)))
    for exemption in exemptions:
        print(f"Hardening exemption (annotated): {exemption}")
    failed = [r for r in results if r.failures]
    if args.checkov is not None:
        policy_ok = run_checkov(args.checkov, results, args.out, args.k8s_dir)
    else:
        policy_ok = True
        print("checkov: not run (no --checkov)")
    objects = sum(r.objects for r in results)
    status = "FAILED" if failed else "OK"
    print(
        f"k8s validation {status}: {len(results)} renders, {objects} objects, "
        f"{len(failed)} render(s) with errors"
    )
    return 1 if failed or not policy_ok else 0


def run_checkov(checkov: Path, results: list[Result], out: Path, k8s: Path) -> bool:
    """checkov's Kubernetes policies over the widest render of each overlay (every object
    of the narrower ones is in it) and the standalone renders; skips in checkov.yaml and
    in checkov.io/skip annotations, each with its reason."""
    widest: dict[str, Result] = {}
    for r in results:
        best = widest.get(r.render.overlay.name)
        if best is None or len(r.render.components) > len(best.render.components):
            widest[r.render.overlay.name] = r
    scan = out / "checkov"
    shutil.rmtree(scan, ignore_errors=True)
    scan.mkdir(parents=True)
    for r in widest.values():
        shutil.copy(out / "rendered" / f"{r.render.name}.yaml", scan)
    done = subprocess.run(
        [str(checkov), "--config-file", str(k8s / "checkov.yaml"), "-d", str(scan)],
        capture_output=True,
        text=True,
        check=False,
    )
    summary = [line for line in done.stdout.splitlines() if line.startswith("Passed checks")]
    print(f"checkov over {', '.join(sorted(p.name for p in scan.iterdir()))}:")
    print(f"  {summary[0] if summary else 'no summary'}")
    if done.returncode != 0:
        print(done.stdout[-6000:] + done.stderr[-2000:])
    return done.returncode == 0


if __name__ == "__main__":
    sys.exit(main())
