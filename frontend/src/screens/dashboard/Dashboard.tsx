// How the desk is doing (GET /api/metrics): each figure as a table (the numbers, exportable as CSV or JSON),
// the series also as charts, and every figure opening the tickets behind it. Editors and admins see the desk's
// figures (or one person's); everyone else their own: the server decides, this screen shows what it answers.
import { useState, type FormEvent, type ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ErrorBox, Spinner } from '../../components';
import { useDesk, usePersonName } from '../../desk';
import { useLoad } from '../../hooks/useLoad';
import { href, navigate, type Route } from '../../router';
import type { KeyedThroughputBucket } from '../../types';
import { download, formatSeconds, formatShare, toCsv, type Row } from './figures';

const STAGE_NAMES: Record<string, string> = {
  timeToClaim: 'Waiting to be claimed',
  inProgress: 'In progress',
  review: 'In review',
  toPublish: 'Approved to published',
  endToEnd: 'End to end',
  timeToAnswer: 'Time to answer the public',
};

/** What the tickets list below the figures shows: one figure, narrowed as the server allows. */
type Drill = { figure: string; label: string; start?: string; dimension?: string; key?: string | null; day?: string };

export default function DashboardScreen({ route }: { route: Route }) {
  const { api, permissions } = useDesk();
  const name = usePersonName();
  const query = new URLSearchParams();
  for (const key of ['from', 'to', 'bucket', 'person']) {
    const value = route.query.get(key);
    if (value) query.set(key, value);
  }
  const queryText = query.toString();
  const metrics = useLoad(() => api.metrics(new URLSearchParams(queryText)), [api, queryText]);
  const [drill, setDrill] = useState<Drill | null>(null);
  const data = metrics.data;

  const apply = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const next = new URLSearchParams();
    for (const key of ['from', 'to', 'bucket', 'person']) {
      const value = String(form.get(key) ?? '').trim();
      if (value) next.set(key, value);
    }
    setDrill(null);
    navigate(`/dashboard${next.size ? `?${next}` : ''}`);
  };
  const open = (d: Drill) => setDrill(d);
  const count = (n: number, d: Drill) => (n > 0 ? <button type="button" className="link" onClick={() => open(d)}>{n}</button> : <>{n}</>);
  const keyName = (dimension: string, key: string | null) =>
    key == null ? 'Others' : dimension === 'person' ? name(key) : key;

  return (
    <section>
      <h1>Dashboard</h1>
      {data && (
        <p className="muted">
          {data.period.scope === 'desk' ? "The desk's figures" : `Figures of ${name(data.period.person)} (the tickets they submitted)`},
          {' '}{data.period.from} to {data.period.to} ({data.period.timeZone}), computed from the audit trail.
        </p>
      )}
      <form className="toolbar" aria-label="Period" onSubmit={apply} key={queryText}>
        <label>From <input type="date" name="from" defaultValue={data?.period.from ?? route.query.get('from') ?? ''} /></label>
        <label>To <input type="date" name="to" defaultValue={data?.period.to ?? route.query.get('to') ?? ''} /></label>
        <label>Per
          <select name="bucket" defaultValue={route.query.get('bucket') ?? 'day'}>
            <option value="day">day</option>
            <option value="week">week</option>
          </select>
        </label>
        {permissions.deskFigures && (
          <label>Person (empty: the desk)
            <input name="person" defaultValue={route.query.get('person') ?? ''} maxLength={255} />
          </label>
        )}
        <button type="submit">Show</button>
      </form>
      <ErrorBox error={metrics.error} />
      {metrics.loading && !data && <Spinner />}
      {data && (
        <>
          <Table id="durations" title="How long each stage takes" note="Medians and 90th percentiles (read from bins 2 % wide: within 1 %), never means."
            columns={['stage', 'tickets', 'median', '90th percentile']}
            rows={data.durations.map((d) => ({ stage: d.name, tickets: d.tickets, p50Seconds: d.p50Seconds, p90Seconds: d.p90Seconds }))}
            render={(row) => [STAGE_NAMES[String(row.stage)] ?? row.stage,
              count(Number(row.tickets), { figure: String(row.stage), label: STAGE_NAMES[String(row.stage)] ?? String(row.stage) }),
              formatSeconds(row.p50Seconds as number | null), formatSeconds(row.p90Seconds as number | null)]} />

          <Table id="rates" title="Sent back, corrected, retracted" note="Over the fact-checks first published in the period."
            columns={['figure', 'fact-checks', 'rate']}
            rows={[
              { figure: 'published', count: data.rates.published, rate: null },
              { figure: 'sentBack', count: data.rates.sentBackTickets, rate: data.rates.reworkRate, requests: data.rates.sentBack },
              { figure: 'corrected', count: data.rates.corrected, rate: data.rates.correctionRate },
              { figure: 'retracted', count: data.rates.retracted, rate: data.rates.retractionRate },
            ]}
            render={(row) => {
              const label = { published: 'Published', sentBack: 'Sent back at least once', corrected: 'Corrected since', retracted: 'Retracted since' }[String(row.figure)] ?? '';
              return [label, count(Number(row.count), { figure: String(row.figure), label }),
                row.figure === 'sentBack' ? `${row.requests} requests for changes, ${row.rate ?? '—'} per fact-check` : row.rate == null ? '' : formatShare(Number(row.rate))];
            }} />

          <Chart title={`Fact-checks published per ${data.throughput.bucket}`}
            summary={`${data.rates.published} fact-checks published in ${data.throughput.all.length} ${data.throughput.bucket}s with any.`}>
            <ResponsiveContainer width="100%" height={220}>
              <BarChart data={data.throughput.all} accessibilityLayer={false}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="start" />
                <YAxis allowDecimals={false} />
                <Tooltip />
                <Bar dataKey="count" name="published" fill="#2f6f9f" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </Chart>
          <Table id="throughput" title={`Published per ${data.throughput.bucket}`} columns={['start', 'count']}
            rows={data.throughput.all.map((b) => ({ start: b.start, count: b.count }))}
            render={(row) => [String(row.start), count(Number(row.count), { figure: 'published', label: `Published, ${data.throughput.bucket} of ${row.start}`, start: String(row.start) })]} />
          {(['person', 'topic', 'rating', 'language'] as const).map((dimension) => {
            const rows: KeyedThroughputBucket[] = { person: data.throughput.byPerson, topic: data.throughput.byTopic,
              rating: data.throughput.byRating, language: data.throughput.byLanguage }[dimension];
            const title = { person: 'fact-checker', topic: 'topic', rating: 'rating', language: 'language' }[dimension];
            return (
              <Table key={dimension} id={`by-${dimension}`} title={`Published by ${title}`} columns={['start', 'key', 'count']}
                rows={rows.map((b) => ({ start: b.start, key: b.key, count: b.count }))}
                render={(row) => [String(row.start), keyName(dimension, row.key as string | null),
                  count(Number(row.count), { figure: 'published', label: `Published, ${keyName(dimension, row.key as string | null)}, ${row.start}`,
                    start: String(row.start), dimension, key: row.key as string | null })]} />
            );
          })}

          {data.backlog && (
            <>
              <Chart title="Backlog at the end of each day"
                summary={`At the end of ${data.period.to}: ${data.backlog.at(-1)?.backlog ?? 0} tickets not yet out, ${data.backlog.at(-1)?.overdue ?? 0} past their deadline.`}>
                <ResponsiveContainer width="100%" height={220}>
                  <LineChart data={data.backlog} accessibilityLayer={false}>
                    <CartesianGrid strokeDasharray="3 3" />
                    <XAxis dataKey="day" />
                    <YAxis allowDecimals={false} />
                    <Tooltip />
                    <Legend />
                    <Line dataKey="backlog" name="not yet out" stroke="#2f6f9f" isAnimationActive={false} />
                    <Line dataKey="overdue" name="past deadline" stroke="#b3261e" strokeDasharray="5 3" isAnimationActive={false} />
                  </LineChart>
                </ResponsiveContainer>
              </Chart>
              <Table id="backlog" title="Backlog" columns={['day', 'backlog', 'overdue']}
                rows={data.backlog.map((d) => ({ day: d.day, backlog: d.backlog, overdue: d.overdue }))}
                render={(row) => [String(row.day),
                  count(Number(row.backlog), { figure: 'backlog', label: `Backlog at the end of ${row.day}`, day: String(row.day) }),
                  count(Number(row.overdue), { figure: 'overdue', label: `Overdue at the end of ${row.day}`, day: String(row.day) })]} />
            </>
          )}
          {data.tips && (
            <Table id="tips" title="The public's tips" columns={['figure', 'count', 'median', '90th percentile']}
              rows={[
                { figure: 'Tips per published fact-check', count: data.tips.perClaim.tips, p50: data.tips.perClaim.p50, p90: data.tips.perClaim.p90 },
                { figure: STAGE_NAMES.timeToAnswer, count: data.tips.timeToAnswer.tickets, p50: data.tips.timeToAnswer.p50Seconds, p90: data.tips.timeToAnswer.p90Seconds },
              ]}
              render={(row) => row.figure === STAGE_NAMES.timeToAnswer
                ? [String(row.figure), String(row.count), formatSeconds(row.p50 as number | null), formatSeconds(row.p90 as number | null)]
                : [String(row.figure), String(row.count), String(row.p50 ?? '—'), String(row.p90 ?? '—')]} />
          )}
          {drill && <Tickets drill={drill} query={query} onClose={() => setDrill(null)} />}
        </>
      )}
    </section>
  );
}

/** A chart with its caption and a one-sentence summary for screen readers; its numbers are in the table after it. */
function Chart({ title, summary, children }: { title: string; summary: string; children: ReactNode }) {
  return (
    <figure className="panel chart">
      <figcaption>{title}</figcaption>
      <div role="img" aria-label={`${title}. ${summary} The numbers are in the table that follows.`}>{children}</div>
    </figure>
  );
}

/** A table of figures with its CSV and JSON files. */
function Table({ id, title, note, columns, rows, render }: {
  id: string; title: string; note?: string; columns: string[]; rows: Row[]; render: (row: Row) => ReactNode[];
}) {
  const keys = Object.keys(rows[0] ?? {});
  return (
    <section className="panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{title}</h2>
      {note && <p className="muted">{note}</p>}
      {rows.length === 0 ? <p className="empty">Nothing in this period.</p> : (
        <div className="table-wrap">
          <table className="data">
            <caption className="visually-hidden">{title}</caption>
            <thead><tr>{columns.map((c) => <th scope="col" key={c}>{c}</th>)}</tr></thead>
            <tbody>{rows.map((row, i) => <tr key={i}>{render(row).map((cell, j) => <td key={j}>{cell}</td>)}</tr>)}</tbody>
          </table>
        </div>
      )}
      <p className="actions">
        <button type="button" disabled={rows.length === 0} onClick={() => download(`factdesk-${id}.csv`, 'text/csv', toCsv(keys, rows))}>
          {title}: CSV
        </button>
        <button type="button" disabled={rows.length === 0} onClick={() => download(`factdesk-${id}.json`, 'application/json', JSON.stringify(rows, null, 2))}>
          {title}: JSON
        </button>
      </p>
    </section>
  );
}

/** The tickets behind one figure (GET /api/metrics/tickets), the longest first for a stage. */
function Tickets({ drill, query, onClose }: { drill: Drill; query: URLSearchParams; onClose: () => void }) {
  const { api } = useDesk();
  const params = new URLSearchParams(query);
  params.set('figure', drill.figure);
  params.set('size', '200');
  if (drill.start) params.set('start', drill.start);
  if (drill.dimension) params.set('dimension', drill.dimension);
  if (drill.key != null && drill.dimension) params.set('key', drill.key);
  if (drill.day) params.set('day', drill.day);
  const text = params.toString();
  const tickets = useLoad(() => api.metricTickets(new URLSearchParams(text)), [api, text]);
  return (
    <section className="panel" aria-labelledby="drill-h">
      <h2 id="drill-h">Tickets behind: {drill.label}</h2>
      <ErrorBox error={tickets.error} />
      {tickets.loading && !tickets.data && <Spinner />}
      {tickets.data && tickets.data.total > tickets.data.items.length && (
        <p className="muted">The first {tickets.data.items.length} of {tickets.data.total}.</p>
      )}
      {tickets.data && (
        <ul className="plain figure-tickets">
          {tickets.data.items.map((t) => (
            <li key={t.ticketId}>
              <a href={href(`/tickets/${t.ticketId}`)}>#{t.ticketId}</a> {t.claim}
              {t.seconds != null && <span className="muted"> — {formatSeconds(t.seconds)}</span>}
            </li>
          ))}
        </ul>
      )}
      <button type="button" onClick={onClose}>Close</button>
    </section>
  );
}
