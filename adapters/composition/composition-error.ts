/**
 * A start-up failure: bad deployment config, unknown or misconfigured plugin, invalid policy
 * pack, a module whose ports no plugin provides. The message says where (region, plugin,
 * module, field) and why, so the operator can fix the config without reading code.
 */
export interface CompositionErrorInit {
  readonly regionCode?: string;
  readonly pluginId?: string;
  readonly moduleId?: string;
  /** Dot path of the config field or pack parameter that failed. */
  readonly field?: string;
  readonly cause?: unknown;
}

export class CompositionError extends Error {
  readonly regionCode: string | undefined;
  readonly pluginId: string | undefined;
  readonly moduleId: string | undefined;
  readonly field: string | undefined;

  constructor(message: string, init: CompositionErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = "CompositionError";
    this.regionCode = init.regionCode;
    this.pluginId = init.pluginId;
    this.moduleId = init.moduleId;
    this.field = init.field;
  }
}

/** "region 350900 (宁德)" — how every region-scoped start-up message begins. */
export function regionLabel(region: { readonly code: string; readonly name: { readonly zh: string } }): string {
  return `region ${region.code} (${region.name.zh})`;
}
