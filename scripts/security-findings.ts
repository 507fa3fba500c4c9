/** Parsing and judging electronegativity's CSV report (pure, so it is unit-tested). */

/** One finding from the report. */
export interface Finding {
  id: string;
  severity: string;
  confidence: string;
  file: string;
  location: string;
  sample: string;
  description: string;
}

/** An accepted finding: by check id, optionally narrowed to a code sample, always with a reason. */
export interface Exclusion {
  id: string;
  /** Only findings whose sample contains this text are excluded. */
  sampleIncludes?: string;
  reason: string;
}

/** Parses RFC 4180 CSV (quoted fields may hold commas, quotes and newlines). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((cells) => cells.some((cell) => cell.trim() !== ''));
}

/** Turns the CSV report (header: issue, severity, confidence, filename, location, sample, ...) into findings. */
export function findingsFromCsv(text: string): Finding[] {
  const [header, ...rows] = parseCsv(text);
  if (!header || header[0]?.trim() !== 'issue')
    throw new Error('Not an electronegativity CSV report.');
  return rows.map((cells) => ({
    id: cells[0]?.trim() ?? '',
    severity: (cells[1] ?? '').trim().toUpperCase(),
    confidence: (cells[2] ?? '').trim().toUpperCase(),
    file: cells[3] ?? '',
    location: cells[4] ?? '',
    sample: cells[5] ?? '',
    description: cells[6] ?? '',
  }));
}

/** The verdict: findings that fail the build, and the ones accepted by an exclusion. */
export interface Verdict {
  failing: Finding[];
  excluded: { finding: Finding; reason: string }[];
  informational: Finding[];
}

/** HIGH and MEDIUM findings fail unless an exclusion names them; the rest are informational. */
export function judge(findings: readonly Finding[], exclusions: readonly Exclusion[]): Verdict {
  const verdict: Verdict = { failing: [], excluded: [], informational: [] };
  for (const finding of findings) {
    if (finding.severity !== 'HIGH' && finding.severity !== 'MEDIUM') {
      verdict.informational.push(finding);
      continue;
    }
    const exclusion = exclusions.find(
      (candidate) =>
        candidate.id === finding.id &&
        (candidate.sampleIncludes === undefined ||
          finding.sample.includes(candidate.sampleIncludes)),
    );
    if (exclusion) verdict.excluded.push({ finding, reason: exclusion.reason });
    else verdict.failing.push(finding);
  }
  return verdict;
}
