// The monitoring config: schema, loading and validation.
export { CONFIG_ENV, ConfigError, DEFAULT_CONFIG_PATH, configPath, contentProblems, displayPath, formatIssue, loadConfig, parseConfig } from "./load.js";
export { configSchema, ENVIRONMENT_NAME, PREFIX } from "./schema.js";
export type { AlertRuleConfig, EnvironmentConfig, MonitoringConfig } from "./schema.js";
export { AZURE_REGIONS } from "./regions.js";
