import type { MatrixRow } from '@pc/shared';

/**
 * Shown where suggestions would be when no stakeholder's offer matches a gap:
 * the steps to fill "what they could offer", with the gaps' own words as the example.
 */
export function OffersHelp({ gapRows }: { gapRows: readonly Pick<MatrixRow, 'id' | 'name'>[] }) {
  const example = gapRows[0]?.name ?? '';
  const count = gapRows.length;
  return (
    <div className="offers-help" role="note" aria-label="How to get suggestions">
      <p>
        Nobody offers {count === 1 ? `“${example}”` : `any of these ${count} gaps`} yet. Suggestions come from what stakeholders could offer:
      </p>
      <ol>
        <li>Open the <strong>Stakeholder map</strong> tab.</li>
        <li>Select a stakeholder in the side panel’s list.</li>
        <li>
          In <strong>What they could offer</strong>, type what they could bring, in the row’s words{example ? <> (for example “{example}”)</> : null}.
        </li>
      </ol>
      <p>A stakeholder whose offer shares a word with a gap appears here, ready to add as a prospective partner.</p>
    </div>
  );
}
