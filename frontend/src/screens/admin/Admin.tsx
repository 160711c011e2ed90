import { href } from '../../router';
import { DeskSettingsScreen } from './DeskSettings';
import { PeopleScreen } from './People';
import { RatingScalesScreen } from './RatingScales';
import { TipChannelsScreen } from './TipChannels';
import { WebhooksScreen } from './Webhooks';

/** The administration screens, for those /api/me grants `administer` (the nav shows them only then; the server refuses the rest). */
export const ADMIN_SECTIONS = [
  { section: 'rating-scales', label: 'Rating scales' },
  { section: 'webhooks', label: 'Webhooks' },
  { section: 'tip-channels', label: 'Tip channels' },
  { section: 'settings', label: 'Desk settings' },
  { section: 'people', label: 'People' },
] as const;

export type AdminSection = (typeof ADMIN_SECTIONS)[number]['section'];

export function AdminScreen({ section }: { section?: string }) {
  const current = ADMIN_SECTIONS.find((s) => s.section === section) ?? ADMIN_SECTIONS[0];
  let screen;
  switch (current.section) {
    case 'webhooks': screen = <WebhooksScreen />; break;
    case 'tip-channels': screen = <TipChannelsScreen />; break;
    case 'settings': screen = <DeskSettingsScreen />; break;
    case 'people': screen = <PeopleScreen />; break;
    default: screen = <RatingScalesScreen />;
  }
  return (
    <section>
      <h1>Administration</h1>
      <nav className="subnav" aria-label="Administration">
        <ul>
          {ADMIN_SECTIONS.map((s) => (
            <li key={s.section}>
              <a href={href(`/admin/${s.section}`)} aria-current={s.section === current.section ? 'page' : undefined}>{s.label}</a>
            </li>
          ))}
        </ul>
      </nav>
      {screen}
    </section>
  );
}
