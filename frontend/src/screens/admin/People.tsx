import { ErrorBox, Spinner, When } from '../../components';
import { useDesk } from '../../desk';
import { useLoad } from '../../hooks/useLoad';

/** Where a Keycloak realm's consoles are, from its issuer URL (…/realms/NAME); null for another provider. */
export function keycloakLinks(authority: string | null | undefined): { admin: string; account: string } | null {
  const m = /^(https?:\/\/[^?#]+?)\/realms\/([^/?#]+)\/?$/.exec(authority?.trim() ?? '');
  if (!m) return null;
  const [, base, realm] = m;
  return { admin: `${base}/admin/${realm}/console/#/${realm}/users`, account: `${base}/realms/${realm}/account` };
}

/** The desk's roster (GET /api/people) with each person's desk roles; people and roles are managed in Keycloak. */
export function PeopleScreen() {
  const { api, timeZone } = useDesk();
  const people = useLoad(() => api.people(), [api]);
  const config = useLoad(() => api.webAppConfig(), [api]);
  const links = keycloakLinks(config.data?.oidcAuthority);
  const data = people.data;
  return (
    <section className="panel" aria-labelledby="people-h">
      <h2 id="people-h">People</h2>
      <p>
        People and their roles are managed in Keycloak, the desk's sign-in service: add someone there, or give them a
        role, and they appear here.{' '}
        {links && (
          <>
            <a href={links.admin} target="_blank" rel="noopener noreferrer">Open the realm's admin console</a>{' '}
            (<a href={links.account} target="_blank" rel="noopener noreferrer">your own account</a>).
          </>
        )}
      </p>
      <ErrorBox error={people.error} />
      {data?.stale && (
        <p className="warning" role="status">
          Keycloak could not be reached: this is the list as it was <When iso={data.fetchedAt} timeZone={timeZone} />.
        </p>
      )}
      {!data && !people.error && <Spinner />}
      {data && data.items.length === 0 && <p className="empty">Nobody holds a desk role yet.</p>}
      {data && data.items.length > 0 && (
        <div className="table-wrap">
          <table className="data">
            <caption className="visually-hidden">The desk's people and their roles</caption>
            <thead><tr><th scope="col">Name</th><th scope="col">Username</th><th scope="col">Desk roles</th></tr></thead>
            <tbody>
              {data.items.map((p) => (
                <tr key={p.subject}>
                  <td>{p.name || '—'}</td>
                  <td>{p.username}</td>
                  <td>{p.roles.join(', ') || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
