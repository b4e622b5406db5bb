/**
 * Figure 13.1, Common SQL Platform Architecture: devices upload through a data API into one SQL
 * database; an analytics tool queries it; the user interface shows what the ETL loads. Lit while
 * a night's ETL runs: the extract from storage, the transform, the load to the UI (pipelined, so
 * together), and the deadline once the night has passed it.
 */
import { tr } from '../../i18n/figureText';
import { Arrow, Box, FigureSvg, Label } from './FigureSvg';
import type { FigureProps } from './figureProps';

export function SqlPlatformFigure({ lit, t }: FigureProps) {
  return (
    <FigureSvg id="13.1" width={300} height={204} lit={lit} t={t} description={tr('desc.13_1')}>
      <Box x={4} y={8} w={64} h={32} label={tr('w.devices')} />
      <Arrow d="M68,24 L86,24" />
      <Box x={88} y={8} w={72} h={32} label={tr('w.data_api')} />
      <Arrow d="M160,24 L178,24" />
      <rect x={176} y={2} width={122} height={128} rx={6} className="fig-server" />
      <Label x={237} y={15}>
        {tr('w.sql_database')}
      </Label>
      <Box part="transform" x={184} y={22} w={106} h={38} label={tr('w.transform')} sub={tr('w.sort_by_timestamp')} />
      <Arrow part="extract" d="M237,84 L237,63" />
      <Box part="extract" x={184} y={86} w={106} h={38} label={tr('w.storage_')} sub={tr('w.extract_rows')} />
      <Box x={88} y={70} w={72} h={36} label={tr('w.analytics')} sub={tr('w.tool')} />
      <Arrow d="M160,80 L182,62" dashed />
      <Arrow d="M182,72 L162,90" dashed />
      <Arrow part="load" d="M237,131 L237,156" />
      <Box part="load" x={184} y={158} w={106} h={38} label={tr('w.user_interface')} sub={tr('w.load_charts')} small />
      <Box
        part="late"
        x={4}
        y={158}
        w={156}
        h={38}
        label={tr('w.the_nights_deadline')}
        sub={tr('w.lit_once_a_night_is_late')}
      />
    </FigureSvg>
  );
}
