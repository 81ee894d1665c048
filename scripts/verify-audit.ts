// `npm run audit:verify [-- --region 350900] [--json]`: verifies the hash-chained audit log
// (KRN-R07) of the database the app uses (DATABASE_URL, else the embedded one under DATA_DIR).
// Exit 0 intact, 1 broken (the first broken entry is named), 2 could not check.
import { runVerifyAudit } from "../adapters/platform/verify-audit-cli.ts";

const code = await runVerifyAudit(process.argv.slice(2), process.env, {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
process.exitCode = code;
