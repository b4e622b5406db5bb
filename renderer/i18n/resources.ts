/**
 * Every namespace's texts per language, bundled. English is the source; each namespace is one JSON
 * file per language (locales/<language>/<namespace>.json), split by the feature folder that uses it.
 * localeFiles.test.ts checks that every file on disk is listed here and that German has every key.
 */
import enCommon from './locales/en/common.json';
import deCommon from './locales/de/common.json';
import enApp from './locales/en/app.json';
import deApp from './locales/de/app.json';
import enLab from './locales/en/lab.json';
import deLab from './locales/de/lab.json';
import enCluster from './locales/en/cluster.json';
import deCluster from './locales/de/cluster.json';
import enRun from './locales/en/run.json';
import deRun from './locales/de/run.json';
import enSandbox from './locales/en/sandbox.json';
import deSandbox from './locales/de/sandbox.json';
import enApiReference from './locales/en/apiReference.json';
import deApiReference from './locales/de/apiReference.json';
import enSql from './locales/en/sql.json';
import deSql from './locales/de/sql.json';
import enCompare from './locales/en/compare.json';
import deCompare from './locales/de/compare.json';
import enServer from './locales/en/server.json';
import deServer from './locales/de/server.json';
import enStream from './locales/en/stream.json';
import deStream from './locales/de/stream.json';
import enPipeline from './locales/en/pipeline.json';
import dePipeline from './locales/de/pipeline.json';
import enFigures from './locales/en/figures.json';
import deFigures from './locales/de/figures.json';
import enViz from './locales/en/viz.json';
import deViz from './locales/de/viz.json';
import enPractice from './locales/en/practice.json';
import dePractice from './locales/de/practice.json';
import enPacks from './locales/en/packs.json';
import dePacks from './locales/de/packs.json';
import enHandIn from './locales/en/handIn.json';
import deHandIn from './locales/de/handIn.json';
import enViews from './locales/en/views.json';
import deViews from './locales/de/views.json';

export const NAMESPACES = [
  'common',
  'app',
  'lab',
  'cluster',
  'run',
  'sandbox',
  'apiReference',
  'sql',
  'compare',
  'server',
  'stream',
  'pipeline',
  'figures',
  'viz',
  'practice',
  'packs',
  'handIn',
  'views',
] as const;
export type Namespace = (typeof NAMESPACES)[number];

export const resources = {
  en: {
    common: enCommon,
    app: enApp,
    lab: enLab,
    cluster: enCluster,
    run: enRun,
    sandbox: enSandbox,
    apiReference: enApiReference,
    sql: enSql,
    compare: enCompare,
    server: enServer,
    stream: enStream,
    pipeline: enPipeline,
    figures: enFigures,
    viz: enViz,
    practice: enPractice,
    packs: enPacks,
    handIn: enHandIn,
    views: enViews,
  },
  de: {
    common: deCommon,
    app: deApp,
    lab: deLab,
    cluster: deCluster,
    run: deRun,
    sandbox: deSandbox,
    apiReference: deApiReference,
    sql: deSql,
    compare: deCompare,
    server: deServer,
    stream: deStream,
    pipeline: dePipeline,
    figures: deFigures,
    viz: deViz,
    practice: dePractice,
    packs: dePacks,
    handIn: deHandIn,
    views: deViews,
  },
} as const;
