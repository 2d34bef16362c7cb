import { TerraformResource, type IAspect, type TerraformStack } from "cdktf";
import type { IConstruct } from "constructs";

/** A resource with a `tags` argument (what the provider generates for taggable resources). */
interface Taggable {
  tags: Record<string, string>;
  readonly tagsInput?: Record<string, string>;
}

/** True for a resource whose type has a `tags` argument. */
export function isTaggable(node: IConstruct): node is TerraformResource & Taggable {
  return TerraformResource.isTerraformResource(node) && "tagsInput" in node && typeof (node as { resetTags?: unknown }).resetTags === "function";
}

/**
 * Puts `tags` on every taggable resource in the scope it is added to (at synth, so resources
 * added later are covered too). A resource's own tags are kept; on a clash the aspect's value
 * wins, so the tags from the config are the ones Azure shows.
 *
 * @example
 * ```ts
 * Aspects.of(stack).add(new TagsAspect({ environment: "prod", owner: "calling-team" }));
 * ```
 */
export class TagsAspect implements IAspect {
  constructor(readonly tags: Readonly<Record<string, string>>) {}

  visit(node: IConstruct): void {
    if (!isTaggable(node)) return;
    node.tags = { ...(node.tagsInput ?? {}), ...this.tags };
  }
}

/** Attributes that hold keys or connection strings (ACS, Log Analytics, storage). */
const SECRET_ATTRIBUTE = /\.(primary|secondary)_(key|connection_string|shared_key|access_key)\b|\.connection_string\b/;

/**
 * Adds a validation to `stack` that fails when a TerraformOutput exposes a key or a
 * connection string (`primary_key`, `primary_connection_string`, `primary_shared_key`, ...)
 * without `sensitive: true`.
 */
export function guardSecretOutputs(stack: TerraformStack): void {
  stack.node.addValidation({
    validate: () => {
      const outputs = (stack.toTerraform() as { output?: Record<string, { value?: unknown; sensitive?: boolean }> }).output ?? {};
      return Object.entries(outputs)
        .filter(([, o]) => o.sensitive !== true && SECRET_ATTRIBUTE.test(JSON.stringify(o.value)))
        .map(
          ([name]) =>
            `output "${name}" exposes a key or connection string without sensitive: true (keys and connection ` +
            "strings never appear in outputs in clear text) — mark the output sensitive, or remove it",
        );
    },
  });
}
