/**
 * One part's settings from the catalogue: a number input (with its limits and unit) or a choice
 * per setting, its default shown, and what it does as help text. A number is written to the file
 * once it is within the limits (on Enter or leaving the field); "Default" removes it from the file.
 */
import { useTranslation } from 'react-i18next';
import { numberFormat } from '../../i18n/numberFormat';
import { useId, useState } from 'react';
import { PART_CATALOGUE, type SettingDef } from '../../../engine/pipeline';
import type { DrawnPart } from '../../viz/pipeline/readPipelineText';
import { numberProblem } from './numberProblem';

const n = (v: number) => numberFormat().format(v);

export interface PartSettingsFormProps {
  part: DrawnPart;
  onSet(key: string, value: number | string | undefined): void;
}

export function PartSettingsForm({ part, onSet }: PartSettingsFormProps) {
  const def = PART_CATALOGUE[part.type];
  return (
    <div className="pipeline-settings" data-testid="part-settings">
      <p className="muted pipeline-help">
        {def.label}: {def.what}.
      </p>
      {Object.entries(def.settings).map(([key, setting]) => (
        <SettingField key={key} name={key} setting={setting} value={part.settings[key]} onSet={onSet} />
      ))}
    </div>
  );
}

function SettingField({
  name,
  setting,
  value,
  onSet,
}: {
  name: string;
  setting: SettingDef;
  value: number | string | undefined;
  onSet(key: string, value: number | string | undefined): void;
}) {
  const id = useId();
  const current = value ?? setting.default;
  const [draft, setDraft] = useState<string | null>(null);
  const { t } = useTranslation('pipeline');
  const shownDefault = typeof setting.default === 'number' ? n(setting.default) : setting.default;
  const help =
    setting.kind === 'number'
      ? t('settings.helpRange', {
          what: setting.what,
          default: shownDefault,
          unit: setting.unit,
          min: n(setting.min),
          max: n(setting.max),
        })
      : t('settings.help', { what: setting.what, default: shownDefault });
  const problem = setting.kind === 'number' && draft !== null ? numberProblem(draft, setting) : null;
  const commit = () => {
    if (setting.kind !== 'number' || draft === null) return;
    if (!problem && Number(draft) !== current) onSet(name, Number(draft));
    if (!problem) setDraft(null);
  };
  return (
    <div className="pipeline-setting">
      <label htmlFor={id}>{name}</label>
      {setting.kind === 'number' ? (
        <>
          <input
            id={id}
            type="number"
            min={setting.min}
            max={setting.max}
            step={setting.integer ? 1 : 'any'}
            value={draft ?? String(current)}
            aria-describedby={`${id}-help`}
            aria-invalid={problem !== null}
            onChange={(e) => setDraft(e.target.value)}
            onBlur={commit}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                commit();
              } else if (e.key === 'Escape') setDraft(null);
            }}
          />
          <span className="muted">{setting.unit}</span>
        </>
      ) : (
        <select
          id={id}
          value={String(current)}
          aria-describedby={`${id}-help`}
          onChange={(e) => onSet(name, e.target.value)}
        >
          {setting.choices.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </select>
      )}
      {value !== undefined && (
        <button
          type="button"
          className="btn small"
          aria-label={t('settings.backToDefault', { name })}
          onClick={() => {
            setDraft(null);
            onSet(name, undefined);
          }}
        >
          {t('settings.default')}
        </button>
      )}
      <span className="muted pipeline-help" id={`${id}-help`}>
        {problem ? <span className="error">{problem}. </span> : null}
        {help}
      </span>
    </div>
  );
}
