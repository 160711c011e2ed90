import { useId, useState, type FormEvent } from 'react';
import { ErrorBox, Spinner, useAction } from '../../components';
import { useDesk } from '../../desk';
import { useLoad } from '../../hooks/useLoad';
import type { Settings } from '../../types';

/**
 * The desk's settings (GET/PUT /api/settings): its time zone, the work-in-progress limit, private webhook targets,
 * and the tips': automatic answers (on/off and how alike a tip must be) and how long requesters' contacts are kept.
 */
export function DeskSettingsScreen() {
  const { api } = useDesk();
  const loaded = useLoad(() => api.settings(), [api]);
  return (
    <section className="panel" aria-labelledby="settings-h">
      <h2 id="settings-h">Desk settings</h2>
      <ErrorBox error={loaded.error} />
      {loaded.data ? <SettingsForm key={loaded.data.version} settings={loaded.data} onSaved={loaded.reload} /> : !loaded.error && <Spinner />}
    </section>
  );
}

function zones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  return intl.supportedValuesOf ? intl.supportedValuesOf('timeZone') : [];
}

function SettingsForm({ settings, onSaved }: { settings: Settings; onSaved: () => void }) {
  const { api } = useDesk();
  const id = useId();
  const [form, setForm] = useState({
    timeZone: settings.timeZone,
    maxInProgress: String(settings.maxInProgress),
    allowPrivateWebhookTargets: settings.allowPrivateWebhookTargets,
    tipAutoAnswer: settings.tipAutoAnswer,
    tipAutoAnswerThreshold: String(settings.tipAutoAnswerThreshold),
    tipContactRetentionDays: String(settings.tipContactRetentionDays),
    candidatesPerArticle: String(settings.candidatesPerArticle),
  });
  const [saved, setSaved] = useState(false);
  const [busy, error, run] = useAction();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const ok = await run(() => api.updateSettings({
      timeZone: form.timeZone.trim(),
      maxInProgress: Number(form.maxInProgress),
      allowPrivateWebhookTargets: form.allowPrivateWebhookTargets,
      tipAutoAnswer: form.tipAutoAnswer,
      tipAutoAnswerThreshold: Number(form.tipAutoAnswerThreshold),
      tipContactRetentionDays: Number(form.tipContactRetentionDays),
      candidatesPerArticle: Number(form.candidatesPerArticle),
      version: settings.version,
    }));
    if (ok) {
      setSaved(true);
      onSaved();
    }
  };

  return (
    <form className="form" onSubmit={submit} aria-describedby={`${id}-outcome`}>
      <label>Time zone (IANA, e.g. Europe/Berlin)
        <input value={form.timeZone} onChange={(e) => setForm({ ...form, timeZone: e.target.value })} list={`${id}-zones`} required maxLength={64} />
      </label>
      <datalist id={`${id}-zones`}>{zones().map((z) => <option key={z} value={z} />)}</datalist>
      <label>Most tickets one fact-checker works on at once (0: no limit)
        <input type="number" min={0} max={1000} value={form.maxInProgress} onChange={(e) => setForm({ ...form, maxInProgress: e.target.value })} required />
      </label>
      <label>Candidate claims proposed per article (its best-ranked sentences)
        <input type="number" min={1} max={200} value={form.candidatesPerArticle} onChange={(e) => setForm({ ...form, candidatesPerArticle: e.target.value })} required />
      </label>
      <label className="choice">
        <input type="checkbox" checked={form.allowPrivateWebhookTargets} onChange={(e) => setForm({ ...form, allowPrivateWebhookTargets: e.target.checked })} />
        Allow webhooks and imports to reach private network addresses (for tests and closed networks only)
      </label>
      <fieldset>
        <legend>Tips from the public</legend>
        <label className="choice">
          <input type="checkbox" checked={form.tipAutoAnswer} onChange={(e) => setForm({ ...form, tipAutoAnswer: e.target.checked })} />
          Answer a tip at once when it matches a published fact-check closely
        </label>
        <label>How alike a tip and the fact-check's claim must be (above 0, at most 1)
          <input type="number" min={0.01} max={1} step={0.01} value={form.tipAutoAnswerThreshold} onChange={(e) => setForm({ ...form, tipAutoAnswerThreshold: e.target.value })} required />
        </label>
        <label>Days a requester's contact is kept after the final answer (0: deleted then)
          <input type="number" min={0} max={3650} value={form.tipContactRetentionDays} onChange={(e) => setForm({ ...form, tipContactRetentionDays: e.target.value })} required />
        </label>
      </fieldset>
      <div id={`${id}-outcome`} aria-live="polite">
        <ErrorBox error={error} />
        {saved && <p className="success">Settings saved.</p>}
      </div>
      <div className="buttons"><button type="submit" className="primary" disabled={busy}>Save settings</button></div>
    </form>
  );
}
