/** The labs of the course by cookbook chapter, from labs/catalogue. */
import { LAB_CATALOGUE } from '../../labs/catalogue';

export function LabList() {
  return (
    <section className="panel" aria-labelledby="labs-heading">
      <h2 id="labs-heading">Labs</h2>
      <p className="muted">Guided labs following “The Data Engineering Cookbook” by Andreas Kretz.</p>
      <ul className="lab-list">
        {LAB_CATALOGUE.map((lab) => (
          <li key={lab.id} className="lab-item" data-lab={lab.id}>
            <span className="title">{lab.title}</span>
            <span className={`badge ${lab.available ? 'ok' : ''}`}>{lab.available ? `${lab.minutes} min` : 'coming soon'}</span>
            <span className="meta">
              Cookbook {lab.chapters.join(', ')} · {lab.summary}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
