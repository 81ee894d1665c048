import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { Platform } from "../../../adapters/composition/platform.ts";
import type { EvidenceRecord } from "../../../adapters/factors/evidence-store.ts";
import { EVIDENCE_MAX_BYTES } from "../../../adapters/factors/evidence-store.ts";
import { getFactorHistory } from "../../../core/factors/mod.ts";
import { DomainError } from "../../../core/kernel/mod.ts";
import type { App, AppEnv } from "../../env.ts";
import { allowBodyUpTo } from "../../middleware/body-limit.ts";
import { problemResponses } from "../../problem/problem-response.ts";
import { callFor } from "./api-context.ts";
import { EvidenceForm, EvidenceParams, FactorParams, RegionParam } from "./request-schemas.ts";
import { get, json, mutating, post } from "./route-kit.ts";

const EvidenceWire = z
  .object({
    id: z.string(),
    fileName: z.string(),
    contentType: z.string(),
    sizeBytes: z.number(),
    sha256: z.string(),
    createdAt: z.string(),
  })
  .openapi("Evidence");

function evidenceWire(r: EvidenceRecord): z.infer<typeof EvidenceWire> {
  return {
    id: r.id,
    fileName: r.fileName,
    contentType: r.contentType,
    sizeBytes: r.sizeBytes,
    sha256: r.sha256,
    createdAt: r.createdAt,
  };
}

function notFound(): DomainError {
  return new DomainError("evidence not found", { ruleId: "KRN-R06", kind: "not_found", field: "evidenceId" });
}

function fileResponse(c: Context<AppEnv>, record: EvidenceRecord, bytes: Uint8Array): Response {
  const name = encodeURIComponent(record.fileName);
  return c.body(new Uint8Array(bytes), 200, {
    "Content-Type": record.contentType,
    "Content-Disposition": `attachment; filename*=UTF-8''${name}`,
    "Cache-Control": "private, no-store",
    "X-Content-Type-Options": "nosniff",
  });
}

const fileContent = { content: { "application/octet-stream": { schema: z.string().openapi({ format: "binary" }) } } };

/** FAC-R01 evidence: upload (sealed, under DATA_DIR through the evidence store plugin) and read back. */
export function registerEvidenceRoutes(app: App, platform: Platform): void {
  app.openapi(
    createRoute({
      ...post(
        "/evidence",
        "Upload one evidence file (photo or PDF of a certificate or filing), to attach at registration",
        ["citizen", "clerk", "institution_staff", "platform_admin"],
        [allowBodyUpTo(EVIDENCE_MAX_BYTES + 64 * 1024)],
      ),
      request: {
        params: RegionParam,
        body: { required: true, content: { "multipart/form-data": { schema: EvidenceForm } } },
      },
      responses: { 201: { description: "Stored", ...json(EvidenceWire) }, ...mutating, ...problemResponses(413, 415) },
    }),
    async (c) => {
      const { deps, p } = callFor(c, platform, c.req.valid("param").region);
      const form = await c.req.parseBody();
      const file = form.file;
      if (!(file instanceof File) || file.size === 0) {
        throw new DomainError("file: attach the evidence file", { ruleId: "FAC-R01", field: "file" });
      }
      const record = await deps.evidence.upload({
        regionCode: deps.regionCode,
        uploadedBy: p.id,
        fileName: file.name,
        contentType: file.type,
        bytes: new Uint8Array(await file.arrayBuffer()),
      });
      return c.json(evidenceWire(record), 201);
    },
  );

  app.openapi(
    createRoute({
      ...get("/evidence/{evidenceId}", "Your own upload, before or after you attached it"),
      request: { params: EvidenceParams },
      responses: { 200: { description: "The file", ...fileContent }, ...problemResponses(401, 403, 404) },
    }),
    async (c) => {
      const { region, evidenceId } = c.req.valid("param");
      const { deps, p } = callFor(c, platform, region);
      const found = await deps.evidence.read(deps.regionCode, evidenceId);
      if (!found || found.record.uploadedBy !== p.id) throw notFound();
      return fileResponse(c, found.record, found.bytes);
    },
  );

  app.openapi(
    createRoute({
      ...get("/factors/{factorId}/evidence/{evidenceId}", "An evidence file of a factor you may see"),
      request: { params: FactorParams.extend({ evidenceId: z.string().min(1).max(100) }) },
      responses: { 200: { description: "The file", ...fileContent }, ...problemResponses(401, 403, 404) },
    }),
    async (c) => {
      const { region, factorId, evidenceId } = c.req.valid("param");
      const { deps, p } = callFor(c, platform, region);
      const { factor } = await getFactorHistory(deps, p, { factorId });
      if (!factor.evidence.includes(evidenceId)) throw notFound();
      const found = await deps.evidence.read(deps.regionCode, evidenceId);
      if (!found) throw notFound();
      return fileResponse(c, found.record, found.bytes);
    },
  );
}
