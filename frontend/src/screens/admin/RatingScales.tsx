import { useId, useState, type FormEvent } from 'react';
import { ErrorBox, Spinner, useAction } from '../../components';
import { useDesk } from '../../desk';
import { useLoad } from '../../hooks/useLoad';
import type { RatingScale, RatingScaleRequest } from '../../types';

/** The largest scale the server takes (RatingScaleResource.RATINGS_MAX). */
const MAX_RATINGS = 20;

type Row = { label: string; definition: string; value: string };
const emptyRow = (): Row => ({ label: '', definition: '', value: '' });

/**
 * The desk's rating scales (GET /api/rating-scales): one is active, the others stay for the verdicts that
 * cite them. A scale is never changed in place (published verdicts name its ratings), so "edit" starts a
 * new scale from an existing one; it takes over when activated.
 */
export function RatingScalesScreen() {
  const { api } = useDesk();
  const scales = useLoad(() => api.allRatingScales(), [api]);
  const [editing, setEditing] = useState<{ from: RatingScale | null } | null>(null);
  const [activated, setActivated] = useState<string | null>(null);
  const [busy, error, run] = useAction();

  const activate = async (scale: RatingScale) => {
    setActivated(null);
    if (await run(() => api.activateRatingScale(scale.id))) {
      setActivated(`“${scale.name}” is now the active scale.`);
      scales.reload();
    }
  };

  return (
    <section className="panel" aria-labelledby="scales-h">
      <h2 id="scales-h">Rating scales</h2>
      <p className="muted small">New verdicts use the active scale. A scale is never changed once made: editing one makes a new scale from it, which takes over when you activate it.</p>
      <ErrorBox error={scales.error} />
      <div aria-live="polite">
        <ErrorBox error={error} />
        {activated && <p className="success">{activated}</p>}
      </div>
      {!scales.data && !scales.error && <Spinner />}
      {scales.data?.items.map((scale) => (
        <article key={scale.id} className="card scale" aria-labelledby={`scale-${scale.id}`}>
          <h3 id={`scale-${scale.id}`}>{scale.name} {scale.active && <span className="badge status-approved">Active</span>}</h3>
          <div className="table-wrap">
            <table className="data">
              <thead><tr><th scope="col">#</th><th scope="col">Label</th><th scope="col">Value</th><th scope="col">Definition</th></tr></thead>
              <tbody>
                {scale.ratings.map((r) => (
                  <tr key={r.id}><td>{r.position}</td><td>{r.label}</td><td>{r.value ?? '—'}</td><td>{r.definition}</td></tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="buttons">
            <button type="button" onClick={() => setEditing({ from: scale })}>Edit as a new scale</button>
            {!scale.active && <button type="button" onClick={() => void activate(scale)} disabled={busy}>Activate “{scale.name}”</button>}
          </div>
        </article>
      ))}
      {!editing && <button type="button" className="primary" onClick={() => setEditing({ from: null })}>New rating scale</button>}
      {editing && (
        <ScaleForm
          key={editing.from?.id ?? 'new'}
          from={editing.from}
          onCancel={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            scales.reload();
          }}
        />
      )}
    </section>
  );
}

function ScaleForm({ from, onCancel, onSaved }: { from: RatingScale | null; onCancel: () => void; onSaved: () => void }) {
  const { api } = useDesk();
  const id = useId();
  const [name, setName] = useState(from ? `${from.name} (new)` : '');
  const [rows, setRows] = useState<Row[]>(
    from ? from.ratings.map((r) => ({ label: r.label, definition: r.definition, value: r.value == null ? '' : String(r.value) })) : [emptyRow()],
  );
  const [busy, error, run] = useAction();
  const set = (i: number, patch: Partial<Row>) => setRows((all) => all.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body: RatingScaleRequest = {
      name: name.trim(),
      ratings: rows.map((r) => ({ label: r.label.trim(), definition: r.definition.trim(), value: r.value === '' ? undefined : Number(r.value) })),
    };
    if (await run(() => api.createRatingScale(body))) onSaved();
  };

  return (
    <form className="form panel" onSubmit={submit} aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{from ? `New scale from “${from.name}”` : 'New rating scale'}</h3>
      <label>Name<input value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} /></label>
      {rows.map((row, i) => (
        <fieldset key={i}>
          <legend>Rating {i + 1}</legend>
          <div className="row">
            <label>Label<input value={row.label} onChange={(e) => set(i, { label: e.target.value })} required maxLength={60} /></label>
            <label>Value (optional; none for off-scale ratings)
              <input type="number" min={-100} max={100} value={row.value} onChange={(e) => set(i, { value: e.target.value })} />
            </label>
          </div>
          <label>Definition<textarea rows={2} value={row.definition} onChange={(e) => set(i, { definition: e.target.value })} required maxLength={1000} /></label>
          {rows.length > 1 && (
            <button type="button" onClick={() => setRows((all) => all.filter((_, j) => j !== i))}>Remove rating {i + 1}</button>
          )}
        </fieldset>
      ))}
      <div className="buttons">
        <button type="button" onClick={() => setRows((all) => [...all, emptyRow()])} disabled={rows.length >= MAX_RATINGS}>Add a rating</button>
      </div>
      <div aria-live="polite"><ErrorBox error={error} /></div>
      <div className="buttons">
        <button type="submit" className="primary" disabled={busy}>Create scale</button>
        <button type="button" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
