/** `pnpm cli help`: every command and its options. */
export const help = `comms-log admin CLI — uses the same DATABASE_URL as the server (default: server/data/comms-log.db)

Usage: pnpm cli <command> [options]

  org:create --name <name> --tz <IANA zone> [--admin-email <email> --admin-name <name>]
      Create an org (with the default plan); with --admin-email also its admin and an admin token.
  org:update --org <org id or name> [--name <name>] [--tz <IANA zone>] [--capture-level metadata|subject|snippet] [--recompute]
      Rename an org, move it to another time zone (a new plan version with the working calendar in that zone) or
      change what it keeps of messages. Stored response times keep the old calendar until recomputed: --recompute
      does it now (or a manager does it from the plan editor).
  user:create --org <org id or name> --email <email> --name <name> --role staff|manager|admin
  token:create --user <email> [--org <org id or name>] [--name <label>] [--expires-in-days <n>]
      Issue an API token. It is printed once and stored only as a hash. With --expires-in-days it is refused after.
  token:rotate --id <token id> [--expires-in-days <n>]
      Replace a token: a new one for the same user and name is printed once, and the old one is revoked.
  token:revoke --id <token id>
  token:list [--org <org id or name>]
  import:stakeholders --org <org id or name> --file <stakeholders.csv>
      Columns: name,type,tier,organization,owner_email,emails,domains,weibo,jira,trello,phones
      (multiple values separated by ";"). Prints a line per row.
  seed-demo [--org-name <name>] [--seed <number>] [--interactions <n>] [--now <ISO date-time>]
      Create a demo org: 8 users, ~60 stakeholders, ~5,000 interactions over 6 months. Prints the users' tokens.
      The same --seed and --now give the same history (without --now it ends at the current time).
  audit --org <org id or name> [--since <date or date-time>] [--limit <n>]
      The org's audit trail, oldest first: plan, role and token changes, merges, deletions, imports, recomputes,
      erasures and exports, with who and when.
  export:stakeholder --org <org id or name> --stakeholder <id> --out <file.json>
      Everything held about one stakeholder, as JSON, to answer an access request.
  erase:stakeholder --org <org id or name> --stakeholder <id> --yes
      Erase a stakeholder and everything about them (interactions, identities, follow-ups, survey answers, coverage);
      every extension drops its copy on its next sync. Cannot be undone.
  allow:handle --org <org id or name> --kind <email|weibo|jira|trello|phone> --value <handle>
      Lift an erasure's refusal of one handle, when the person comes back and consents: the directory and pushes
      accept it again. Nothing erased comes back.
  backup --out <file>
      Write a consistent snapshot of the running database to a new file (VACUUM INTO; pushes may go on meanwhile),
      then check it. Embedded database files only.
  restore --from <file> [--force]
      Check a backup (integrity, migrations), then replace this database's contents with it in one transaction.
      Refuses a database that holds data unless --force. Stop the server first.
  health [--org <id or name>]
      Which site adapter broke since when: failures per site, adapter version and missing field, as the org's
      extensions reported them after a sync (hosts only, never page text).
  report:send --org <org id or name> --period <2026-W11 | 2026-03> [--to <email> [--lang zh-CN|en]]
      E-mail the period report now through SMTP_HOST, to the org's report recipients or to --to; logged among
      the org's sends (README "Scheduled e-mail").
  help
`;
