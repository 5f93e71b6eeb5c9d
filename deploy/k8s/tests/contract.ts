// What the images and the design (sections 2, 5, 6, 8) promise, in one place, so the manifests are checked
// against the contract rather than against themselves.

export const NAMESPACE = "todo";
export const SECRET_NAME = "todo-secrets";
/** Every project image runs as this non-root UID and GID. */
export const APP_UID = 10001;

/** Variables that carry credentials: only ever read from the Secret, by reference. */
export const SECRET_ENV = [
  "DATABASE_URL",
  "BETTER_AUTH_SECRET",
  "OPENAI_API_KEY",
  "METRICS_TOKEN",
  "SMTP_URL",
  "VAPID_PUBLIC_KEY",
  "VAPID_PRIVATE_KEY",
  "POSTGRES_PASSWORD",
] as const;
/** Secret-looking names outside SECRET_ENV get the same treatment, so a new credential cannot slip in as a literal. */
export const SECRET_NAME_PATTERN = /SECRET|PASSWORD|PASSWD|TOKEN|API_KEY|PRIVATE_KEY|CREDENTIAL/i;

export interface WorkloadContract {
  /** Deployment, container and Service name, which are also the in-cluster host names. */
  name: string;
  /** Image name without registry or tag. */
  image: string;
  port: number;
  probes: { startup: string; liveness: string; readiness: string };
  /** The exact set of environment variable names the container receives. */
  env: readonly string[];
  /** Expected values, whether literal or read from the ConfigMap. */
  values: Readonly<Record<string, string>>;
  /** Paths that must be writable emptyDir mounts despite the read-only root filesystem. */
  writable: readonly string[];
}

export const WORKLOADS: readonly WorkloadContract[] = [
  {
    name: "backend",
    image: "todo-backend",
    port: 8000,
    probes: { startup: "/health", liveness: "/health", readiness: "/ready" },
    env: [
      "HOST",
      "PORT",
      "MIGRATE_ON_START",
      "NODE_ENV",
      "LOG_LEVEL",
      "DATA_DIR",
      "BETTER_AUTH_URL",
      "TRUSTED_ORIGINS",
      "MCP_SERVER_URL",
      "MCP_PUBLIC_URL",
      "TRUSTED_PROXIES",
      "OPENAI_MODEL",
      "OPENAI_BASE_URL",
      "DATABASE_URL",
      "BETTER_AUTH_SECRET",
      "OPENAI_API_KEY",
      "METRICS_TOKEN",
      "SMTP_URL",
      "MAIL_FROM",
      "APP_URL",
      "SIGNUP",
      "ADMIN_EMAILS",
      "EMAIL_VERIFICATION",
      "VAPID_PUBLIC_KEY",
      "VAPID_PRIVATE_KEY",
      "VAPID_SUBJECT",
    ],
    values: {
      HOST: "0.0.0.0",
      PORT: "8000",
      NODE_ENV: "production",
      MCP_SERVER_URL: "http://mcp-server:8080",
      // The migration Job applies the schema; replicas must not race to do it at start-up.
      MIGRATE_ON_START: "false",
    },
    writable: ["/tmp"],
  },
  {
    name: "mcp-server",
    image: "todo-mcp-server",
    port: 8080,
    probes: { startup: "/health", liveness: "/health", readiness: "/health" },
    env: [
      "HOST",
      "PORT",
      "NODE_ENV",
      "LOG_LEVEL",
      "DATA_DIR",
      "MCP_PUBLIC_URL",
      "BETTER_AUTH_URL",
      "DATABASE_URL",
      "BETTER_AUTH_SECRET",
    ],
    values: { HOST: "0.0.0.0", PORT: "8080", NODE_ENV: "production" },
    writable: ["/tmp"],
  },
  {
    name: "frontend",
    image: "todo-frontend",
    port: 3000,
    probes: { startup: "/healthz", liveness: "/healthz", readiness: "/healthz" },
    env: [
      "HOST",
      "HOSTNAME",
      "PORT",
      "NEXT_TELEMETRY_DISABLED",
      "NODE_ENV",
      "LOG_LEVEL",
      "BACKEND_URL",
      "TRUSTED_PROXIES",
    ],
    values: {
      HOST: "0.0.0.0",
      HOSTNAME: "0.0.0.0",
      PORT: "3000",
      NODE_ENV: "production",
      BACKEND_URL: "http://backend:8000",
    },
    writable: ["/tmp", "/app/frontend/.next/cache"],
  },
];

export const MIGRATION = {
  job: "backend-migrate",
  image: "todo-backend",
  command: ["node", "dist/migrate.js"],
  env: ["NODE_ENV", "LOG_LEVEL", "DATA_DIR", "DATABASE_URL", "BETTER_AUTH_SECRET"],
  values: { NODE_ENV: "production" } as Readonly<Record<string, string>>,
} as const;

/** Labels every object carries (https://kubernetes.io/docs/concepts/overview/working-with-objects/common-labels/). */
export const COMMON_LABELS = {
  "app.kubernetes.io/instance": "todo",
  "app.kubernetes.io/part-of": "todo-app",
  "app.kubernetes.io/managed-by": "kustomize",
} as const;

// Peers outside the namespace, as network-flows.ts names them.
export const PEERS = {
  ingressController: "namespace[todo-app/ingress-controller=true]",
  dns: "namespace[kubernetes.io/metadata.name=kube-system] pod[k8s-app=kube-dns]",
  database: "cidr[0.0.0.0/0]",
} as const;

/**
 * Every flow production allows, and nothing else (design section 2): the ingress controller reaches the UI and the
 * MCP endpoint (external AI clients); frontend -> backend -> mcp-server; the three database users reach Postgres;
 * every pod resolves names.
 */
export const PRODUCTION_FLOWS: readonly string[] = [
  `${PEERS.ingressController} -> frontend:3000/TCP`,
  `${PEERS.ingressController} -> mcp-server:8080/TCP`,
  "frontend -> backend:8000/TCP",
  "backend -> mcp-server:8080/TCP",
  `backend -> ${PEERS.database}:5432/TCP`,
  `mcp-server -> ${PEERS.database}:5432/TCP`,
  `backend-migrate -> ${PEERS.database}:5432/TCP`,
  ...["frontend", "backend", "mcp-server", "backend-migrate"].flatMap((name) => [
    `${name} -> ${PEERS.dns}:53/UDP`,
    `${name} -> ${PEERS.dns}:53/TCP`,
  ]),
];
