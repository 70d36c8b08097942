#!/usr/bin/env node
// Offline checks of the Kubernetes manifests in infra/k8s (no cluster needed).
//
//   npx --yes -p yaml@2 -p kubernetes-models@4.5.1 -p @kubernetes/client-node@1.4.0 \
//     -p dockerfile-utils@0.16.3 node infra/k8s/validate.mjs
//
// Needs `kubectl` (its built-in kustomize) or `kustomize` on PATH to render the
// kustomizations. `yaml` is required; kubernetes-models (OpenAPI schema validation of the
// core kinds), @kubernetes/client-node (unknown-field check of the core kinds, as the API
// server's strict field validation does) and dockerfile-utils (Dockerfile lint) are used
// when present.
//
// It checks that:
//   - every YAML file parses (no duplicate keys), every kustomization's resources,
//     patches and generator files exist, and every kustomization renders;
//   - core objects validate against the Kubernetes OpenAPI schema and have no unknown
//     (e.g. misspelt) fields;
//   - every Deployment has startup/liveness/readiness probes on the health endpoints,
//     requests and limits, a hardened securityContext, its own ServiceAccount without a
//     token, a Service, an HPA, a PDB, ingress and egress NetworkPolicies, and receives
//     every environment variable its process reads, introspection off;
//   - every Service, HPA, PDB, Ingress and NetworkPolicy selects or names something that
//     exists; the gateway's subgraph URLs, KAFKA_BROKERS and KEYCLOAK_URL point at the
//     Services, Kafka listener and Keycloak hostname declared here;
//   - the operators' resources agree with each other (topics, node pools, databases,
//     roles) and every Secret the manifests expect is documented in README.md;
//   - realm-import.mjs turns a realm export into a KeycloakRealmImport for the Keycloak
//     CR declared here.
// It ends with "validate: N passed, M failed" and exits 1 when anything failed.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { execFileSync, spawnSync } from "node:child_process";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.dirname(fileURLToPath(import.meta.url));
const rel = (p) => path.relative(root, p) || ".";

// ---------------------------------------------------------------- module loading
// Look next to this file first, then in the folders `npx -p ...` put on PATH.
function loader(name) {
  const bases = [path.join(root, "noop.js")];
  for (const entry of (process.env.PATH ?? "").split(path.delimiter)) {
    if (entry.endsWith(path.join("node_modules", ".bin"))) bases.push(path.join(entry, "..", "noop.js"));
  }
  for (const base of bases) {
    try {
      const req = createRequire(base);
      return req(req.resolve(name));
    } catch {
      /* try the next place */
    }
  }
  return null;
}
// ES-module-only packages: import the package's entry file from the same places.
async function esmLoader(name) {
  const dirs = [path.join(root, "node_modules")];
  for (const entry of (process.env.PATH ?? "").split(path.delimiter)) {
    if (entry.endsWith(path.join("node_modules", ".bin"))) dirs.push(path.dirname(entry));
  }
  for (const dir of dirs) {
    const pkgFile = path.join(dir, name, "package.json");
    if (!fs.existsSync(pkgFile)) continue;
    const pkg = JSON.parse(fs.readFileSync(pkgFile, "utf8"));
    const exp = pkg.exports?.["."];
    const entry = (typeof exp === "string" ? exp : exp?.import?.default ?? exp?.import ?? exp?.default) ?? pkg.module ?? pkg.main;
    if (typeof entry !== "string") continue;
    try {
      return await import(pathToFileURL(path.join(dir, name, entry)).href);
    } catch {
      /* try the next place */
    }
  }
  return null;
}
const YAML = loader("yaml");
if (!YAML) {
  console.error("validate: the `yaml` package is needed; run\n" +
    "  npx --yes -p yaml@2 -p kubernetes-models@4.5.1 -p @kubernetes/client-node@1.4.0 \\\n" +
    "    -p dockerfile-utils@0.16.3 node infra/k8s/validate.mjs");
  process.exit(2);
}

// ---------------------------------------------------------------- reporting
let passed = 0;
const failures = [];
const notes = [];
function check(ok, what) {
  if (ok) passed++;
  else failures.push(what);
  return ok;
}
const note = (s) => notes.push(s);

// ---------------------------------------------------------------- 1. YAML files
function walk(dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name === "node_modules" || e.name.startsWith(".")) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p));
    else out.push(p);
  }
  return out;
}
const files = walk(root);
const yamlFiles = files.filter((f) => /\.ya?ml$/.test(f));
const parsedFiles = new Map();
for (const f of yamlFiles) {
  const text = fs.readFileSync(f, "utf8");
  const docs = YAML.parseAllDocuments(text, { uniqueKeys: true, prettyErrors: true });
  const errors = docs.flatMap((d) => [...d.errors, ...d.warnings]);
  check(errors.length === 0, `${rel(f)} does not parse: ${errors.map((e) => e.message).join("; ")}`);
  check(!/^\t/m.test(text), `${rel(f)} indents with tabs`);
  parsedFiles.set(f, docs.map((d) => d.toJS()).filter((d) => d !== null));
}

// ---------------------------------------------------------------- 2. kustomizations
const kustomizationFiles = yamlFiles.filter((f) => /^kustomization\.ya?ml$/.test(path.basename(f)));
const kustomizationDirs = kustomizationFiles.map((f) => path.dirname(f)).sort();
const isUrl = (s) => /^[a-z]+:\/\//.test(s) || s.startsWith("github.com/");
for (const kf of kustomizationFiles) {
  const dir = path.dirname(kf);
  const k = parsedFiles.get(kf)[0] ?? {};
  const exists = (p, what) => check(fs.existsSync(path.resolve(dir, p)), `${rel(kf)}: ${what} ${p} does not exist`);
  for (const r of [...(k.resources ?? []), ...(k.components ?? [])]) {
    if (isUrl(r)) continue;
    const p = path.resolve(dir, r);
    if (!exists(r, "resource")) continue;
    if (fs.statSync(p).isDirectory()) {
      check(kustomizationDirs.includes(p), `${rel(kf)}: resource directory ${r} has no kustomization.yaml`);
    }
  }
  for (const p of k.patches ?? []) {
    if (p.path) exists(p.path, "patch");
    check(Boolean(p.path) !== Boolean(p.patch), `${rel(kf)}: a patch needs exactly one of path and patch`);
  }
  for (const g of [...(k.configMapGenerator ?? []), ...(k.secretGenerator ?? [])]) {
    for (const f of [...(g.files ?? []), ...(g.envs ?? [])]) exists(String(f).split("=").pop(), "generator file");
  }
  for (const legacy of ["bases", "patchesStrategicMerge", "patchesJson6902", "commonLabels", "vars"]) {
    check(!(legacy in k), `${rel(kf)}: uses the deprecated field ${legacy}`);
  }
  const top = rel(dir) === "base" || rel(dir).startsWith("overlays");
  if (top) check(!("namespace" in k), `${rel(kf)}: sets namespace:, which would merge the two namespaces`);
}
// Every manifest file is used by some kustomization (nothing silently left out).
const referenced = new Set();
for (const kf of kustomizationFiles) {
  const dir = path.dirname(kf);
  const k = parsedFiles.get(kf)[0] ?? {};
  for (const r of k.resources ?? []) referenced.add(path.resolve(dir, r));
  for (const p of k.patches ?? []) if (p.path) referenced.add(path.resolve(dir, p.path));
}
for (const f of yamlFiles) {
  if (kustomizationFiles.includes(f)) continue;
  check(referenced.has(f), `${rel(f)} is not referenced by any kustomization`);
}

// ---------------------------------------------------------------- 3. render
function findRenderer() {
  for (const [cmd, args] of [["kubectl", ["kustomize"]], ["kustomize", ["build"]]]) {
    const r = spawnSync(cmd, [...args, "--help"], { encoding: "utf8" });
    if (r.status === 0) return [cmd, args];
  }
  return null;
}
const renderer = findRenderer();
const rendered = new Map();
if (!check(renderer !== null, "neither `kubectl` nor `kustomize` is on PATH: cannot render")) {
  // nothing more can be checked without rendering
} else {
  for (const dir of kustomizationDirs) {
    try {
      const out = execFileSync(renderer[0], [...renderer[1], dir], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
      const objs = YAML.parseAllDocuments(out).map((d) => d.toJS()).filter(Boolean);
      rendered.set(dir, objs);
      check(objs.length > 0, `${rel(dir)} renders to nothing`);
    } catch (e) {
      const msg = String(e.stderr || e.message).split("\n").map((l) => l.trim())
        .filter((l) => l && !/^E\d{4} /.test(l) && l !== ">").join(" ");
      check(false, `${rel(dir)} does not render: ${msg}`);
    }
  }
}

// ---------------------------------------------------------------- 4. schema (core kinds)
const km = {
  "v1": "kubernetes-models/v1",
  "apps/v1": "kubernetes-models/apps/v1",
  "autoscaling/v2": "kubernetes-models/autoscaling/v2",
  "policy/v1": "kubernetes-models/policy/v1",
  "networking.k8s.io/v1": "kubernetes-models/networking.k8s.io/v1",
};
const haveModels = loader("kubernetes-models/apps/v1/Deployment") !== null;
if (!haveModels) note("kubernetes-models not found: OpenAPI schema validation of core kinds skipped");
const k8sClient = await esmLoader("@kubernetes/client-node");
if (!k8sClient) note("@kubernetes/client-node not found: unknown-field check of core kinds skipped");
// Fields of `obj` that its Kubernetes type does not have, found by walking the
// client's generated models (attributeTypeMap).
function unknownFields(obj, type, at, out) {
  if (obj === null || obj === undefined || !k8sClient) return out;
  const array = /^Array<(.+)>$/.exec(type);
  if (array) {
    if (Array.isArray(obj)) obj.forEach((v, i) => unknownFields(v, array[1], `${at}[${i}]`, out));
    return out;
  }
  const map = /^\{ \[key: string\]: (.+); \}$/.exec(type);
  if (map) {
    for (const [k, v] of Object.entries(obj)) unknownFields(v, map[1], `${at}.${k}`, out);
    return out;
  }
  const model = k8sClient[type];
  if (typeof model?.getAttributeTypeMap !== "function" || typeof obj !== "object") return out;
  const fields = new Map(model.getAttributeTypeMap().map((a) => [a.baseName, a.type]));
  for (const [k, v] of Object.entries(obj)) {
    if (!fields.has(k)) out.push(`${at}.${k}`);
    else unknownFields(v, fields.get(k), `${at}.${k}`, out);
  }
  return out;
}
const modelName = (o) => {
  const version = o.apiVersion.split("/").pop();
  return `V${version.slice(1)}${o.kind}`;
};

// ---------------------------------------------------------------- 5. semantic checks
const matches = (selector, labels) =>
  selector && Object.keys(selector).length > 0 &&
  Object.entries(selector).every(([k, v]) => (labels ?? {})[k] === v);
const matchesSel = (sel, labels) => {
  // LabelSelector (matchLabels + matchExpressions In/Exists), {} matches everything
  if (!sel) return false;
  const ml = sel.matchLabels ?? {};
  if (!Object.entries(ml).every(([k, v]) => (labels ?? {})[k] === v)) return false;
  for (const e of sel.matchExpressions ?? []) {
    const has = labels && e.key in labels;
    if (e.operator === "In" && !(has && e.values.includes(labels[e.key]))) return false;
    if (e.operator === "NotIn" && has && e.values.includes(labels[e.key])) return false;
    if (e.operator === "Exists" && !has) return false;
    if (e.operator === "DoesNotExist" && has) return false;
  }
  return true;
};
const clusterScoped = new Set(["Namespace", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition", "IngressClass"]);
const serviceEnv = ["PORT", "DATABASE_URL", "KAFKA_BROKERS", "KEYCLOAK_URL", "KEYCLOAK_REALM", "KEYCLOAK_CLIENT_ID", "GATEWAY_PROOF_SECRET", "LOG_LEVEL", "NODE_ENV", "GRAPHQL_INTROSPECTION"];
const gatewayEnv = ["PORT", "KEYCLOAK_URL", "KEYCLOAK_REALM", "KEYCLOAK_CLIENT_ID", "KEYCLOAK_CLIENT_SECRET", "GATEWAY_PROOF_SECRET", "ORGANIZATION_URL", "PERSONNEL_URL", "EVALUATION_URL", "REFORM_URL", "LOG_LEVEL", "GRAPHQL_INTROSPECTION"];
const subgraphPorts = { organization: 4001, personnel: 4002, evaluation: 4003, reform: 4004 };
const expectedTopics = Object.keys(subgraphPorts).flatMap((s) => [`${s}.events.v1`, `${s}.events.v1.dlq`]);
const externalSecrets = new Map(); // "ns/name" -> where

function validateRender(dir, objs) {
  const at = rel(dir);
  const full = rel(dir) === "base" || rel(dir).startsWith("overlays");
  const byKind = (kind) => objs.filter((o) => o.kind === kind);
  const find = (kind, ns, name) => objs.find((o) => o.kind === kind && o.metadata?.namespace === ns && o.metadata?.name === name);
  const id = (o) => `${o.kind}/${o.metadata?.namespace ? o.metadata.namespace + "/" : ""}${o.metadata?.name}`;
  const namespaces = new Set(byKind("Namespace").map((n) => n.metadata.name));

  // objects, names, namespaces
  const seen = new Set();
  for (const o of objs) {
    check(o.apiVersion && o.kind && o.metadata?.name, `${at}: object without apiVersion/kind/name: ${JSON.stringify(o).slice(0, 120)}`);
    check(!seen.has(id(o)), `${at}: ${id(o)} is declared twice`);
    seen.add(id(o));
    if (!clusterScoped.has(o.kind)) {
      check(Boolean(o.metadata?.namespace), `${at}: ${id(o)} has no namespace`);
      check(namespaces.has(o.metadata?.namespace), `${at}: ${id(o)} is in namespace ${o.metadata?.namespace}, which this kustomization does not create`);
    }
    if (k8sClient && km[o.apiVersion]) {
      const model = modelName(o);
      if (check(typeof k8sClient[model]?.getAttributeTypeMap === "function", `${at}: no client model ${model} for ${o.apiVersion} ${o.kind}`)) {
        const unknown = unknownFields(o, model, "", []);
        check(unknown.length === 0, `${at}: ${id(o)} has unknown fields: ${unknown.join(", ")}`);
      }
    }
    if (haveModels && km[o.apiVersion]) {
      const mod = loader(`${km[o.apiVersion]}/${o.kind}`);
      if (check(mod && mod[o.kind], `${at}: no schema for ${o.apiVersion} ${o.kind}`)) {
        try {
          new mod[o.kind](o).validate();
          passed++;
        } catch (e) {
          check(false, `${at}: ${id(o)} fails the ${o.apiVersion} schema: ${e.message}`);
        }
      }
    }
  }

  const configMaps = byKind("ConfigMap");
  const deployments = byKind("Deployment");
  const services = byKind("Service");
  const hpas = byKind("HorizontalPodAutoscaler");
  const pdbs = byKind("PodDisruptionBudget");
  const policies = byKind("NetworkPolicy");

  // Deployments
  for (const d of deployments) {
    const ns = d.metadata.namespace;
    const name = d.metadata.name;
    const w = `${at}: Deployment ${ns}/${name}`;
    const spec = d.spec.template.spec;
    const podLabels = d.spec.template.metadata?.labels ?? {};
    check(matchesSel(d.spec.selector, podLabels), `${w}: selector does not match its pod template`);
    check(spec.automountServiceAccountToken === false, `${w}: automountServiceAccountToken is not false`);
    const sa = find("ServiceAccount", ns, spec.serviceAccountName);
    check(sa && spec.serviceAccountName !== "default", `${w}: ServiceAccount ${spec.serviceAccountName} is not declared`);
    if (sa) check(sa.automountServiceAccountToken === false, `${w}: its ServiceAccount mounts a token`);
    const psc = spec.securityContext ?? {};
    check(psc.seccompProfile?.type === "RuntimeDefault", `${w}: pod seccompProfile is not RuntimeDefault`);
    check(spec.hostNetwork !== true && spec.hostPID !== true && spec.hostIPC !== true, `${w}: uses host namespaces`);
    const hpa = hpas.find((h) => h.metadata.namespace === ns && h.spec.scaleTargetRef?.kind === "Deployment" && h.spec.scaleTargetRef?.name === name);
    check(hpa, `${w}: no HorizontalPodAutoscaler`);
    if (hpa) check(d.spec.replicas === undefined, `${w}: sets spec.replicas although an HPA scales it`);
    const pdb = pdbs.find((p) => p.metadata.namespace === ns && matchesSel(p.spec.selector, podLabels));
    check(pdb, `${w}: no PodDisruptionBudget`);
    if (pdb && hpa && pdb.spec.minAvailable !== undefined) {
      check(Number(pdb.spec.minAvailable) < hpa.spec.minReplicas,
        `${w}: PDB minAvailable ${pdb.spec.minAvailable} >= HPA minReplicas ${hpa.spec.minReplicas}, node drains would block`);
    }
    check(services.some((s) => s.metadata.namespace === ns && matches(s.spec.selector, podLabels)), `${w}: no Service selects it`);
    const selected = (type) => policies.filter((p) => p.metadata.namespace === ns && (p.spec.policyTypes ?? []).includes(type) && matchesSel(p.spec.podSelector, podLabels));
    check(selected("Ingress").some((p) => (p.spec.ingress ?? []).length > 0), `${w}: no NetworkPolicy allows any ingress to it`);
    check(selected("Egress").length > 0, `${w}: no Egress NetworkPolicy restricts it`);
    // what the process must reach: DNS, Keycloak, and PostgreSQL + Kafka (subgraphs) or
    // the subgraphs (gateway)
    const egressPorts = new Set(selected("Egress").flatMap((p) => (p.spec.egress ?? []).flatMap((r) =>
      (r.ports ?? []).map((pt) => `${pt.protocol ?? "TCP"}/${pt.port}`))));
    const role = podLabels["app.kubernetes.io/component"];
    const mustReach = ["UDP/53", "TCP/53", "TCP/443", "TCP/8443",
      ...(role === "subgraph" ? ["TCP/5432", "TCP/9092"] : []),
      ...(role === "gateway" ? Object.values(subgraphPorts).map((p) => `TCP/${p}`) : [])];
    for (const need of mustReach) check(egressPorts.has(need), `${w}: egress to ${need} is not allowed`);

    for (const c of [...(spec.initContainers ?? []), ...spec.containers]) {
      const wc = `${w} container ${c.name}`;
      const image = c.image ?? "";
      check(/:[^/]+$|@sha256:/.test(image), `${wc}: image ${image} has no tag`);
      if (rel(dir).startsWith("overlays")) check(!/:latest$/.test(image), `${wc}: image ${image} uses :latest`);
      const r = c.resources ?? {};
      for (const res of ["cpu", "memory"]) {
        check(r.requests?.[res] !== undefined, `${wc}: no ${res} request`);
        check(r.limits?.[res] !== undefined, `${wc}: no ${res} limit`);
      }
      const sc = c.securityContext ?? {};
      check(sc.readOnlyRootFilesystem === true, `${wc}: root filesystem is writable`);
      check(sc.allowPrivilegeEscalation === false, `${wc}: allowPrivilegeEscalation is not false`);
      check(sc.privileged !== true, `${wc}: privileged`);
      check((sc.capabilities?.drop ?? []).includes("ALL"), `${wc}: capabilities do not drop ALL`);
      check(sc.runAsNonRoot === true || psc.runAsNonRoot === true, `${wc}: runAsNonRoot is not set`);
      check((sc.runAsUser ?? psc.runAsUser) !== 0, `${wc}: runs as uid 0`);
      check((sc.seccompProfile?.type ?? psc.seccompProfile?.type) === "RuntimeDefault", `${wc}: seccomp is not RuntimeDefault`);
      if ((spec.initContainers ?? []).includes(c)) continue;

      const ports = c.ports ?? [];
      const portOf = (p) => (typeof p === "number" ? ports.find((x) => x.containerPort === p) : ports.find((x) => x.name === p));
      for (const [probe, pathWanted] of [["startupProbe", "/health/live"], ["livenessProbe", "/health/live"], ["readinessProbe", "/health/ready"]]) {
        const p = c[probe];
        if (!check(p?.httpGet, `${wc}: no HTTP ${probe}`)) continue;
        check(p.httpGet.path === pathWanted, `${wc}: ${probe} checks ${p.httpGet.path}, expected ${pathWanted}`);
        check(portOf(p.httpGet.port), `${wc}: ${probe} port ${p.httpGet.port} is not a container port`);
      }

      // environment the process reads
      const env = new Map();
      for (const e of c.env ?? []) env.set(e.name, e);
      for (const ef of c.envFrom ?? []) {
        if (ef.configMapRef) {
          const cm = find("ConfigMap", ns, ef.configMapRef.name);
          if (check(cm, `${wc}: envFrom ConfigMap ${ef.configMapRef.name} is not declared`)) {
            for (const [k, v] of Object.entries(cm.data ?? {})) if (!env.has(k)) env.set(k, { name: k, value: v });
          }
        }
        if (ef.secretRef) externalSecrets.set(`${ns}/${ef.secretRef.name}`, `${wc} envFrom`);
      }
      for (const e of c.env ?? []) {
        const ref = e.valueFrom?.secretKeyRef;
        if (ref) externalSecrets.set(`${ns}/${ref.name}`, `${wc} ${e.name} (key ${ref.key})`);
        const cmRef = e.valueFrom?.configMapKeyRef;
        if (cmRef) check(find("ConfigMap", ns, cmRef.name)?.data?.[cmRef.key] !== undefined, `${wc}: ${e.name} refers to a missing ConfigMap key`);
      }
      const component = podLabels["app.kubernetes.io/component"];
      const needed = component === "gateway" ? gatewayEnv : serviceEnv;
      for (const n of needed) check(env.has(n), `${wc}: ${n} is not set`);
      const value = (n) => env.get(n)?.value;
      check(value("GRAPHQL_INTROSPECTION") === "false", `${wc}: GRAPHQL_INTROSPECTION is not "false" (introspection and suggestions stay off in a cluster)`);
      const http = portOf("http");
      check(http && value("PORT") === String(http.containerPort), `${wc}: PORT ${value("PORT")} differs from the http container port`);
      if (component === "subgraph") {
        check(subgraphPorts[name] === http?.containerPort, `${wc}: ${name} should listen on ${subgraphPorts[name]}`);
        check(value("NODE_ENV") === "production", `${wc}: NODE_ENV is not production`);
      }
      if (component === "gateway") {
        for (const [sg, port] of Object.entries(subgraphPorts)) {
          const url = value(`${sg.toUpperCase()}_URL`);
          let u;
          try { u = new URL(url); } catch { check(false, `${wc}: ${sg.toUpperCase()}_URL ${url} is not a URL`); continue; }
          const [host, hostNs = ns] = u.hostname.split(".");
          const svc = find("Service", hostNs, host);
          if (!check(svc, `${wc}: ${sg.toUpperCase()}_URL names Service ${host}, which is not declared`)) continue;
          const sp = svc.spec.ports.find((p) => p.port === Number(u.port));
          check(sp, `${wc}: ${sg.toUpperCase()}_URL port ${u.port} is not a port of Service ${host}`);
          check(u.pathname === "/graphql", `${wc}: ${sg.toUpperCase()}_URL does not end in /graphql`);
          check(Number(u.port) === port, `${wc}: ${sg.toUpperCase()}_URL should use port ${port}`);
        }
      }
      if (full) {
        // KEYCLOAK_URL is the issuer base: it must equal the Keycloak CR's hostname.
        const kc = byKind("Keycloak")[0];
        if (kc) check(value("KEYCLOAK_URL") === kc.spec.hostname?.hostname,
          `${wc}: KEYCLOAK_URL ${value("KEYCLOAK_URL")} differs from Keycloak hostname ${kc.spec.hostname?.hostname}`);
        if (component === "subgraph") {
          for (const b of (value("KAFKA_BROKERS") ?? "").split(",")) {
            const [host, port] = b.split(":");
            const [svc, kns] = host.split(".");
            const kafka = byKind("Kafka").find((k) => `${k.metadata.name}-kafka-bootstrap` === svc && k.metadata.namespace === kns);
            if (check(kafka, `${wc}: KAFKA_BROKERS ${b} is not the bootstrap Service of a declared Kafka`)) {
              check(kafka.spec.kafka.listeners.some((l) => l.port === Number(port) && l.type === "internal"),
                `${wc}: KAFKA_BROKERS port ${port} is not an internal listener`);
            }
          }
        }
      }
    }
  }

  // Services
  for (const s of services) {
    const w = `${at}: Service ${s.metadata.namespace}/${s.metadata.name}`;
    check(s.spec.type === undefined || s.spec.type === "ClusterIP", `${w}: is not ClusterIP`);
    const targets = deployments.filter((d) => d.metadata.namespace === s.metadata.namespace && matches(s.spec.selector, d.spec.template.metadata.labels));
    if (!check(targets.length === 1, `${w}: selector matches ${targets.length} Deployments, expected 1`)) continue;
    const ports = targets[0].spec.template.spec.containers.flatMap((c) => c.ports ?? []);
    for (const p of s.spec.ports) {
      const t = p.targetPort ?? p.port;
      check(ports.some((cp) => cp.name === t || cp.containerPort === t), `${w}: targetPort ${t} is not a container port of ${targets[0].metadata.name}`);
    }
  }
  // HPAs
  for (const h of hpas) {
    const w = `${at}: HPA ${h.metadata.namespace}/${h.metadata.name}`;
    check(find(h.spec.scaleTargetRef.kind, h.metadata.namespace, h.spec.scaleTargetRef.name), `${w}: scale target does not exist`);
    check((h.spec.minReplicas ?? 1) <= h.spec.maxReplicas, `${w}: minReplicas > maxReplicas`);
    check((h.spec.metrics ?? []).some((m) => m.resource?.name === "cpu"), `${w}: does not scale on CPU`);
  }
  // PDBs
  for (const p of pdbs) {
    const w = `${at}: PDB ${p.metadata.namespace}/${p.metadata.name}`;
    check(deployments.some((d) => d.metadata.namespace === p.metadata.namespace && matchesSel(p.spec.selector, d.spec.template.metadata.labels)), `${w}: selects no Deployment`);
    check((p.spec.minAvailable === undefined) !== (p.spec.maxUnavailable === undefined), `${w}: needs exactly one of minAvailable/maxUnavailable`);
  }
  // Ingress
  for (const ing of byKind("Ingress")) {
    const w = `${at}: Ingress ${ing.metadata.namespace}/${ing.metadata.name}`;
    const tlsHosts = (ing.spec.tls ?? []).flatMap((t) => t.hosts ?? []);
    for (const t of ing.spec.tls ?? []) {
      check(t.secretName, `${w}: TLS entry without secretName`);
      if (t.secretName) externalSecrets.set(`${ing.metadata.namespace}/${t.secretName}`, `${w} TLS`);
    }
    for (const rule of ing.spec.rules ?? []) {
      check(tlsHosts.includes(rule.host), `${w}: host ${rule.host} is not covered by TLS`);
      for (const p of rule.http?.paths ?? []) {
        const b = p.backend.service;
        const svc = find("Service", ing.metadata.namespace, b.name);
        if (!check(svc, `${w}: backend Service ${b.name} does not exist`)) continue;
        check(svc.spec.ports.some((sp) => sp.name === b.port.name || sp.port === b.port.number), `${w}: backend port does not exist on ${b.name}`);
        check(svc.metadata.labels?.["app.kubernetes.io/component"] === "gateway", `${w}: exposes ${b.name}, but only the gateway may be exposed`);
      }
    }
  }
  // NetworkPolicies
  for (const ns of namespaces) {
    check(policies.some((p) => p.metadata.namespace === ns && Object.keys(p.spec.podSelector ?? {}).length === 0 &&
      (p.spec.policyTypes ?? []).includes("Ingress") && !(p.spec.ingress ?? []).length),
    `${at}: namespace ${ns} has no default-deny ingress NetworkPolicy`);
  }
  const podsIn = (ns) => deployments.filter((d) => d.metadata.namespace === ns).map((d) => d.spec.template.metadata.labels);
  for (const p of policies) {
    const w = `${at}: NetworkPolicy ${p.metadata.namespace}/${p.metadata.name}`;
    const ns = p.metadata.namespace;
    const operatorPods = byKind("Deployment").length === 0 || ns !== "political-system"; // pods made by operators are not rendered
    if (Object.keys(p.spec.podSelector ?? {}).length > 0 && !operatorPods) {
      check(podsIn(ns).some((l) => matchesSel(p.spec.podSelector, l)), `${w}: podSelector selects no pod`);
    }
    for (const rule of [...(p.spec.ingress ?? []).map((r) => r.from ?? []), ...(p.spec.egress ?? []).map((r) => r.to ?? [])]) {
      for (const peer of rule) {
        check(peer.podSelector || peer.namespaceSelector || peer.ipBlock, `${w}: empty peer`);
        if (peer.podSelector && !peer.namespaceSelector && ns === "political-system" && Object.keys(peer.podSelector).length) {
          check(podsIn(ns).some((l) => matchesSel(peer.podSelector, l)), `${w}: peer podSelector ${JSON.stringify(peer.podSelector)} selects no pod`);
        }
      }
    }
  }

  // Operators' resources
  const kafkas = byKind("Kafka");
  for (const k of kafkas) {
    const w = `${at}: Kafka ${k.metadata.namespace}/${k.metadata.name}`;
    check(k.apiVersion === "kafka.strimzi.io/v1", `${w}: apiVersion ${k.apiVersion}, expected kafka.strimzi.io/v1`);
    check(!k.spec.zookeeper, `${w}: declares ZooKeeper; KRaft only`);
    const pools = byKind("KafkaNodePool").filter((p) => p.metadata.namespace === k.metadata.namespace && p.metadata.labels?.["strimzi.io/cluster"] === k.metadata.name);
    check(pools.some((p) => p.spec.roles.includes("controller")), `${w}: no controller node pool`);
    const brokers = pools.filter((p) => p.spec.roles.includes("broker")).reduce((n, p) => n + p.spec.replicas, 0);
    check(brokers > 0, `${w}: no broker node pool`);
    const cfg = k.spec.kafka.config ?? {};
    for (const key of ["default.replication.factor", "offsets.topic.replication.factor", "transaction.state.log.replication.factor"]) {
      check(Number(cfg[key]) <= brokers, `${w}: ${key} ${cfg[key]} > ${brokers} brokers`);
    }
    check(Number(cfg["min.insync.replicas"]) <= Number(cfg["default.replication.factor"]), `${w}: min.insync.replicas > default.replication.factor`);
    check(Number(cfg["transaction.state.log.min.isr"]) <= Number(cfg["transaction.state.log.replication.factor"]), `${w}: transaction.state.log.min.isr > its replication factor`);
    check(String(cfg["auto.create.topics.enable"]) === "false", `${w}: auto.create.topics.enable is not false`);
    for (const pool of pools) {
      for (const v of pool.spec.storage.volumes ?? [pool.spec.storage]) check(v.deleteClaim !== true, `${at}: KafkaNodePool ${pool.metadata.name} deletes its volumes with the cluster`);
    }
    const topics = byKind("KafkaTopic").filter((t) => t.metadata.labels?.["strimzi.io/cluster"] === k.metadata.name && t.metadata.namespace === k.metadata.namespace);
    for (const t of expectedTopics) check(topics.some((x) => (x.spec.topicName ?? x.metadata.name) === t), `${w}: topic ${t} is not declared`);
    for (const t of topics) {
      check(t.spec.replicas <= brokers, `${at}: KafkaTopic ${t.metadata.name} has ${t.spec.replicas} replicas for ${brokers} brokers`);
      check(Number(t.spec.config?.["min.insync.replicas"] ?? 1) <= t.spec.replicas, `${at}: KafkaTopic ${t.metadata.name} min.insync.replicas > replicas`);
    }
  }
  for (const x of [...byKind("KafkaTopic"), ...byKind("KafkaNodePool")]) {
    check(kafkas.some((k) => k.metadata.name === x.metadata.labels?.["strimzi.io/cluster"] && k.metadata.namespace === x.metadata.namespace),
      `${at}: ${x.kind} ${x.metadata.name} names Kafka ${x.metadata.labels?.["strimzi.io/cluster"]}, which is not declared in its namespace`);
  }
  const clusters = byKind("Cluster");
  for (const c of clusters) {
    for (const r of c.spec.managed?.roles ?? []) {
      if (r.passwordSecret) externalSecrets.set(`${c.metadata.namespace}/${r.passwordSecret.name}`, `${at}: CNPG role ${r.name}`);
    }
  }
  const databases = byKind("Database");
  for (const db of databases) {
    const w = `${at}: Database ${db.metadata.name}`;
    const cluster = clusters.find((c) => c.metadata.name === db.spec.cluster?.name && c.metadata.namespace === db.metadata.namespace);
    if (!check(cluster, `${w}: cluster ${db.spec.cluster?.name} is not declared in its namespace`)) continue;
    check((cluster.spec.managed?.roles ?? []).some((r) => r.name === db.spec.owner && r.ensure !== "absent" && r.login),
      `${w}: owner ${db.spec.owner} is not a managed login role of ${cluster.metadata.name}`);
    check(db.spec.databaseReclaimPolicy !== "delete", `${w}: deletes the database with the resource`);
  }
  if (clusters.length) {
    for (const s of [...Object.keys(subgraphPorts), "keycloak"]) {
      check(databases.some((d) => d.spec.name === s), `${at}: no Database for ${s}`);
    }
  }
  for (const kc of byKind("Keycloak")) {
    const w = `${at}: Keycloak ${kc.metadata.name}`;
    check(kc.apiVersion === "k8s.keycloak.org/v2beta1", `${w}: apiVersion ${kc.apiVersion}, expected k8s.keycloak.org/v2beta1`);
    check(/^https:\/\//.test(kc.spec.hostname?.hostname ?? ""), `${w}: hostname is not an https URL`);
    const cluster = clusters.find((c) => `${c.metadata.name}-rw` === kc.spec.db?.host && c.metadata.namespace === kc.metadata.namespace);
    check(cluster, `${w}: db.host ${kc.spec.db?.host} is not the -rw Service of a declared CNPG cluster`);
    check(databases.some((d) => d.spec.name === kc.spec.db?.database), `${w}: database ${kc.spec.db?.database} is not declared`);
    for (const ref of [kc.spec.db?.usernameSecret, kc.spec.db?.passwordSecret]) {
      if (ref) externalSecrets.set(`${kc.metadata.namespace}/${ref.name}`, `${w} db`);
    }
    for (const t of [kc.spec.http?.tlsSecret, kc.spec.ingress?.tlsSecret]) if (t) externalSecrets.set(`${kc.metadata.namespace}/${t}`, `${w} TLS`);
  }
}
for (const [dir, objs] of rendered) validateRender(dir, objs);

// ---------------------------------------------------------------- 6. secrets are documented
const readme = fs.existsSync(path.join(root, "README.md")) ? fs.readFileSync(path.join(root, "README.md"), "utf8") : "";
for (const [key, where] of externalSecrets) {
  const name = key.split("/")[1];
  const generic = name.replace(/^(organization|personnel|evaluation|reform)-db$/, "<service>-db")
    .replace(/^pg-role-(organization|personnel|evaluation|reform|keycloak)$/, "pg-role-");
  check(readme.includes(name) || readme.includes(generic), `Secret ${key} (used by ${where}) is not documented in README.md`);
}
note(`Secrets the operator must create: ${[...externalSecrets.keys()].sort().join(", ")}`);

// ---------------------------------------------------------------- 7. Dockerfile
// The images' Dockerfile is linted and held to the house rules by @ps/images' tests (infra/images).
check(fs.existsSync(path.join(root, "..", "images", "Dockerfile")), "infra/images/Dockerfile is missing");

// ---------------------------------------------------------------- 8. realm-import.mjs
{
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "realm-"));
  const realmFile = path.join(tmp, "realm.json");
  fs.writeFileSync(realmFile, JSON.stringify({ realm: "political-system", enabled: true, users: [{ username: "demo" }], clients: [{ clientId: "platform-api" }] }));
  const r = spawnSync(process.execPath, [path.join(root, "realm-import.mjs"), "--realm-file", realmFile], { encoding: "utf8" });
  if (check(r.status === 0, `realm-import.mjs failed: ${r.stderr}`)) {
    const cr = JSON.parse(r.stdout);
    const base = rendered.get(path.join(root, "base")) ?? [];
    const kc = base.find((o) => o.kind === "Keycloak");
    check(cr.kind === "KeycloakRealmImport" && cr.apiVersion === kc?.apiVersion, "realm-import.mjs: wrong kind/apiVersion");
    check(cr.spec.keycloakCRName === kc?.metadata.name && cr.metadata.namespace === kc?.metadata.namespace,
      "realm-import.mjs: does not target the Keycloak CR declared in base/platform");
    check(cr.spec.realm.realm === "political-system" && cr.spec.realm.users === undefined, "realm-import.mjs: realm not carried over or demo users kept");
    check(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(cr.metadata.name), "realm-import.mjs: metadata.name is not a DNS label");
  }
  const missing = spawnSync(process.execPath, [path.join(root, "realm-import.mjs"), "--realm-file", path.join(tmp, "nope.json")], { encoding: "utf8" });
  check(missing.status !== 0, "realm-import.mjs: succeeds without a realm file");
  fs.rmSync(tmp, { recursive: true, force: true });
  const realm = path.resolve(root, "../keycloak/political-system-realm.json");
  if (fs.existsSync(realm)) {
    const real = spawnSync(process.execPath, [path.join(root, "realm-import.mjs")], { encoding: "utf8" });
    check(real.status === 0, `realm-import.mjs fails on ${path.relative(process.cwd(), realm)}: ${real.stderr}`);
  } else note("infra/keycloak/political-system-realm.json not present: realm-import.mjs tried on a sample only");
}

// ---------------------------------------------------------------- summary
console.log(`rendered with: ${renderer ? renderer.join(" ") : "(nothing)"}`);
for (const [dir, objs] of rendered) {
  const kinds = {};
  for (const o of objs) kinds[o.kind] = (kinds[o.kind] ?? 0) + 1;
  console.log(`  ${rel(dir)}: ${objs.length} objects (${Object.entries(kinds).map(([k, n]) => `${n} ${k}`).join(", ")})`);
}
for (const n of notes) console.log(`note: ${n}`);
for (const f of failures) console.log(`FAIL ${f}`);
console.log(`validate: ${passed} passed, ${failures.length} failed`);
process.exit(failures.length ? 1 : 0);
