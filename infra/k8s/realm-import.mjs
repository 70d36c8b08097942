#!/usr/bin/env node
// Prints a KeycloakRealmImport custom resource (JSON, which kubectl accepts) whose
// spec.realm is the realm export kept in infra/keycloak/political-system-realm.json, hardened
// for a cluster by infra/keycloak/hardened-realm.mjs (HTTPS only, password policy, bounded
// lockouts, events kept, no password grant, no literal secret, rotated refresh tokens, no
// offline access by default, audience exactly the platform, personal data only in ID tokens).
// The realm is not copied into infra/k8s: this script reads it at the time of import.
//
//   node infra/k8s/realm-import.mjs | kubectl apply -f -
//
// Options:
//   --realm-file PATH     realm export (default: infra/keycloak/political-system-realm.json)
//   --keycloak NAME       Keycloak CR to import into (default: platform-keycloak)
//   --namespace NS        its namespace (default: political-system-platform)
//   --with-demo-users     keep the export's `users` (demo accounts); never in production
//   --console-origin URL  the web console's origin in this environment (repeatable), e.g.
//                         https://console.political-system.example.gov.vn: the `console`
//                         client's redirect URIs become URL/* and its web origins exactly URL
//                         (they must equal the gateway's CORS_ALLOWED_ORIGINS)
//
// The Keycloak operator imports a realm only if it does not exist yet; it never updates
// or deletes one. Delete the KeycloakRealmImport after it reports Done.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { hardenRealm } from "../keycloak/hardened-realm.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opts = {
  realmFile: path.resolve(here, "../keycloak/political-system-realm.json"),
  keycloak: "platform-keycloak",
  namespace: "political-system-platform",
  withDemoUsers: false,
  consoleOrigins: [],
};
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  const value = () => {
    const v = args[++i];
    if (v === undefined) fail(`${a} needs a value`);
    return v;
  };
  if (a === "--realm-file") opts.realmFile = path.resolve(value());
  else if (a === "--keycloak") opts.keycloak = value();
  else if (a === "--namespace") opts.namespace = value();
  else if (a === "--with-demo-users") opts.withDemoUsers = true;
  else if (a === "--console-origin") opts.consoleOrigins.push(exactOrigin(value()));
  else if (a === "-h" || a === "--help") {
    process.stdout.write(fs.readFileSync(fileURLToPath(import.meta.url), "utf8").split("\nimport ")[0]);
    process.exit(0);
  } else fail(`unknown option ${a}`);
}

function fail(message) {
  process.stderr.write(`realm-import: ${message}\n`);
  process.exit(1);
}
/** scheme://host[:port] and nothing more, as a browser sends it in Origin. */
function exactOrigin(value) {
  let url;
  try {
    url = new URL(value);
  } catch {
    fail(`--console-origin ${value} is not a URL`);
  }
  if (url.origin !== value) fail(`--console-origin ${value} must be an exact origin such as ${url.origin} (no path, no wildcard, no trailing slash)`);
  return value;
}
function warn(message) {
  process.stderr.write(`realm-import: warning: ${message}\n`);
}

let realm;
try {
  realm = JSON.parse(fs.readFileSync(opts.realmFile, "utf8"));
} catch (e) {
  fail(`cannot read the realm export ${opts.realmFile}: ${e.message}`);
}
if (!realm || typeof realm !== "object" || typeof realm.realm !== "string") {
  fail(`${opts.realmFile} is not a realm export (no "realm" name)`);
}

// Service accounts (a client's own user, e.g. platform-admin's with its realm-management roles) are
// part of the realm's configuration and always kept; people are demo accounts.
const serviceAccounts = (realm.users ?? []).filter((user) => user.serviceAccountClientId);
const people = (realm.users ?? []).filter((user) => !user.serviceAccountClientId);
if (people.length > 0) {
  if (opts.withDemoUsers) warn(`keeping ${people.length} demo user(s) (--with-demo-users)`);
  else {
    warn(`dropped ${people.length} demo user(s); create real accounts in Keycloak`);
    if (serviceAccounts.length > 0) realm.users = serviceAccounts;
    else delete realm.users;
  }
}
realm = hardenRealm(realm);
if (opts.consoleOrigins.length > 0) {
  const console = (realm.clients ?? []).find((client) => client.clientId === "console");
  if (!console) fail(`${opts.realmFile} has no console client for --console-origin`);
  console.redirectUris = opts.consoleOrigins.map((origin) => `${origin}/*`);
  console.webOrigins = [...opts.consoleOrigins];
}
// Keycloak falls back to its built-in (English) pages when the theme is missing from its image.
if (realm.loginTheme && fs.existsSync(path.resolve(here, "../keycloak/themes", realm.loginTheme))) {
  warn(`realm uses the login theme ${realm.loginTheme} of infra/keycloak/themes; the cluster's Keycloak image must carry it (README "Import the Keycloak realm")`);
}
for (const client of realm.clients ?? []) {
  const local = [...(client.redirectUris ?? []), ...(client.webOrigins ?? []), client.rootUrl, client.baseUrl]
    .filter((u) => typeof u === "string" && /localhost|127\.0\.0\.1/.test(u));
  if (local.length > 0) warn(`client ${client.clientId} points at local addresses: ${local.join(", ")}`);
}

const name = `${realm.realm}-realm`.toLowerCase().replace(/[^a-z0-9-]+/g, "-").slice(0, 63).replace(/-+$/, "");
const resource = {
  apiVersion: "k8s.keycloak.org/v2beta1",
  kind: "KeycloakRealmImport",
  metadata: {
    name,
    namespace: opts.namespace,
    labels: { "app.kubernetes.io/part-of": "political-system" },
  },
  spec: {
    keycloakCRName: opts.keycloak,
    realm,
  },
};
process.stdout.write(JSON.stringify(resource, null, 2) + "\n");
