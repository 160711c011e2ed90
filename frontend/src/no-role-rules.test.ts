// The server decides who may do what (ticket.permissions, GET /api/me). This guards against rules
// creeping back into the web app: role names may appear only where listed here, for display.
import { describe, expect, it } from 'vitest';

const sources = import.meta.glob(['./**/*.{ts,tsx}', '!./**/*.test.{ts,tsx}'], { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

const ROLE_LITERAL = /(['"`])(factchecker|reviewer|editor|admin)\1/;

/** Each allowed use, with why it is not a rule. */
const ALLOWED = [
  // shows which roles a person holds, next to their name
  "./App.tsx: const DESK_ROLE_NAMES = ['factchecker', 'reviewer', 'editor', 'admin'];",
  // the pick list of people to assign; the server judges the assignee
  "./screens/ticket/ActionBar.tsx: const factcheckers = people.filter((p) => p.roles.includes('factchecker'));",
];

function linesMatching(pattern: RegExp): string[] {
  return Object.entries(sources).flatMap(([file, text]) =>
    text.split('\n').filter((line) => pattern.test(line)).map((line) => `${file}: ${line.trim()}`));
}

describe('no copy of the server rules in the web app', () => {
  it('reads the sources it checks', () => {
    expect(Object.keys(sources)).toContain('./screens/ticket/ActionBar.tsx');
    expect(Object.keys(sources)).not.toContain('./no-role-rules.test.ts');
  });

  it('names roles only in the listed display places', () => {
    expect(linesMatching(ROLE_LITERAL)).toEqual(ALLOWED);
  });

  it("never looks at the signed-in person's roles to decide what to show", () => {
    expect(linesMatching(/\bme\.roles\b/)).toEqual([
      "./App.tsx: <span className=\"me\">{me.name} <span className=\"muted\">({me.roles.filter((r) => DESK_ROLE_NAMES.includes(r)).join(', ') || 'no desk role'})</span></span>",
    ]);
  });

  it('reads what a ticket permits from permissions, not allowedActions', () => {
    expect(linesMatching(/allowedActions/).every((line) => line.startsWith('./api.ts:'))).toBe(true);
  });
});
