/**
 * The job API reference page (#/api, #/api/RDD.map): docs/job-api.md, which
 * scripts/apiReference.mjs generates from labs/jobApi/, rendered with the labs' Markdown
 * renderer, one section per declaration and member, each with its own address, and a filter.
 */
import { useTranslation } from 'react-i18next';
import { useEffect, useMemo, useState } from 'react';
import reference from '../../../docs/job-api.md?raw';
import { Markdown } from '../lab/Markdown';
import { apiSections, filterSections, type ApiSection } from './apiReferenceSections';
import './apiReference.css';

const REFERENCE = apiSections(reference);
const MEMBERS = REFERENCE.sections.filter((s) => s.kind === 'member').length;

/** The DOM id of a section (ids keep the member's name: `api-RDD.map`). */
export const sectionId = (id: string) => `api-${id}`;

function Section({ section }: { section: ApiSection }) {
  const Heading = section.kind === 'declaration' ? 'h3' : 'h4';
  const { t } = useTranslation('apiReference');
  return (
    <section
      id={sectionId(section.id)}
      className={`api-section api-${section.kind}`}
      tabIndex={-1}
      aria-label={section.id}
    >
      <Heading className="api-title">
        <code>{section.id}</code>
        <a
          className="api-anchor"
          href={`#/api/${encodeURIComponent(section.id)}`}
          aria-label={t('linkTo', { id: section.id })}
        >
          #
        </a>
      </Heading>
      {section.body && <Markdown source={section.body} />}
    </section>
  );
}

export function ApiReferencePage({ member }: { member: string | null }) {
  const [query, setQuery] = useState('');
  const { t } = useTranslation('apiReference');
  const shown = useMemo(() => filterSections(REFERENCE.sections, query), [query]);
  const shownMembers = shown.filter((s) => s.kind === 'member').length;
  const declarations = REFERENCE.sections.filter((s) => s.kind === 'declaration');

  // An address naming a member (#/api/RDD.map) brings it into view and gives it the focus.
  useEffect(() => {
    if (member === null) return;
    const el = document.getElementById(sectionId(member));
    if (!el) return;
    el.scrollIntoView({ block: 'start' });
    el.focus({ preventScroll: true });
  }, [member]);

  return (
    <div className="api-page">
      <div className="panel api-head">
        <h2>{t('title')}</h2>
        <Markdown source={REFERENCE.intro} />
        <div className="api-filter">
          <label htmlFor="api-filter-input">{t('filter')}</label>
          <input
            id="api-filter-input"
            type="search"
            value={query}
            placeholder={t('placeholder')}
            onChange={(e) => setQuery(e.target.value)}
            aria-describedby="api-filter-count"
          />
          <span id="api-filter-count" className="muted" role="status">
            {t('count', { shown: shownMembers, total: MEMBERS })}
          </span>
        </div>
        <nav className="api-toc" aria-label={t('declarations')}>
          {declarations.map((d) => (
            <a key={d.id} href={`#/api/${encodeURIComponent(d.id)}`}>
              {d.id}
            </a>
          ))}
        </nav>
      </div>
      <div className="panel api-body">
        {shown.length === 0 ? (
          <p className="muted">{t('nothing', { query })}</p>
        ) : (
          shown.map((s) => <Section key={s.id} section={s} />)
        )}
      </div>
    </div>
  );
}
