// Runs once when the server starts: report every configuration problem at once and refuse to start.
export async function register() {
  // NEXT_RUNTIME is a build-time constant, not configuration: it lets the bundler drop this branch for Edge.
  // biome-ignore lint/style/noProcessEnv: compile-time runtime switch, see above
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { checkConfigAtStartup } = await import("./lib/config-check");
    checkConfigAtStartup();
  }
}
