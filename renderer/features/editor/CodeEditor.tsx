/**
 * The code editor: Monaco with TypeScript/JavaScript language services, following the app's
 * theme. Loaded lazily (it is several megabytes) through React.lazy.
 */
import { useTranslation } from 'react-i18next';
import Editor, { type OnMount } from '@monaco-editor/react';
import { useEffect, useId, useRef, useState } from 'react';
import './monacoSetup';
import { isTyping, learnerTyped } from './languageServiceStart';
import { useAppStore } from '../../state/store';
import { modelPath, monacoLanguage, type EditorLanguage } from './monacoModel';

export interface CodeEditorProps {
  value: string;
  language?: EditorLanguage;
  onChange(value: string): void;
  /** Called on Ctrl/Cmd+Enter. */
  onRun?(): void;
  ariaLabel?: string;
  height?: string | number;
  /** Errors to underline (a Monaco marker); the column is 1-based, null marks the whole line. */
  markers?: readonly EditorMarker[];
  /**
   * The model's file name (`file:///sandbox/job.ts`): its extension tells Monaco's TypeScript
   * service whether the text is TypeScript or JavaScript. Without one, the editor names its
   * model after itself with the extension of `language`.
   */
  path?: string;
  /** The file's name as the run's errors give it (without `path`: Monaco's problem list shows it). */
  fileName?: string;
  /** Shown, not edited (a lab's reference solution). */
  readOnly?: boolean;
}

export interface EditorMarker {
  line: number;
  column: number | null;
  message: string;
}

const NO_MARKERS: readonly EditorMarker[] = [];

type Mounted = { editor: Parameters<OnMount>[0]; monaco: Parameters<OnMount>[1] };

/** Monaco's dark theme with comments readable at WCAG AA contrast. */
const DARK_THEME = 'clusterlab-dark';

export default function CodeEditor({
  value,
  language = 'javascript',
  onChange,
  onRun,
  ariaLabel: givenLabel,
  height = '100%',
  markers = NO_MARKERS,
  path,
  fileName,
  readOnly = false,
}: CodeEditorProps) {
  const theme = useAppStore((s) => s.theme);
  const { t } = useTranslation('common');
  const ariaLabel = givenLabel ?? t('codeEditor');
  // Monaco keeps the command registered at mount: it calls the latest onRun through this ref.
  const onRunRef = useRef(onRun);
  useEffect(() => {
    onRunRef.current = onRun;
  });
  const [mounted, setMounted] = useState<Mounted | null>(null);
  const id = useId();
  const shownPath = modelPath(path, language, id, fileName);
  // @monaco-editor/react makes a model per path and keeps the one it left: a lab step of another
  // language, or an example of the other one, would leave a stale file in the TypeScript service's
  // program (its names then clash with the shown file's). This editor's previous model goes.
  const lastPath = useRef(shownPath);
  useEffect(() => {
    const before = lastPath.current;
    lastPath.current = shownPath;
    if (!mounted || before === shownPath) return;
    const old = mounted.monaco.editor.getModel(mounted.monaco.Uri.parse(before));
    if (old && old !== mounted.editor.getModel()) old.dispose();
  }, [mounted, shownPath]);
  // Monaco reads its options at mount: a new language's name for the editor is handed over here.
  useEffect(() => {
    mounted?.editor.updateOptions({ ariaLabel });
  }, [mounted, ariaLabel]);
  useEffect(() => {
    const model = mounted?.editor.getModel();
    if (!mounted || !model) return;
    const lines = model.getLineCount();
    mounted.monaco.editor.setModelMarkers(
      model,
      'clusterlab-run',
      // A saved error's line past the end of the text as edited since (one line past it is the end
      // of input, where a parse error points) marks nothing: its last line is not the one at fault.
      markers
        .filter((m) => m.line <= lines + 1)
        .map((m) => {
          const line = Math.min(Math.max(1, m.line), lines);
          const word = m.column ? model.getWordAtPosition({ lineNumber: line, column: m.column }) : null;
          const start = m.column ?? 1;
          const end = word?.endColumn ?? (m.column ? m.column + 1 : model.getLineMaxColumn(line));
          return {
            severity: mounted.monaco.MarkerSeverity.Error,
            message: m.message,
            startLineNumber: line,
            startColumn: start,
            endLineNumber: line,
            endColumn: Math.max(end, start + 1),
          };
        }),
    );
  }, [mounted, markers]);
  return (
    <Editor
      height={height}
      language={monacoLanguage(language)}
      path={shownPath}
      value={value}
      theme={theme === 'dark' ? DARK_THEME : 'vs'}
      beforeMount={(monaco) =>
        // vs-dark's comments (#6A9955 on #1E1E1E, 4.0:1) fail WCAG AA contrast; this green passes it.
        monaco.editor.defineTheme(DARK_THEME, {
          base: 'vs-dark',
          inherit: true,
          rules: [{ token: 'comment', foreground: '8DB87A' }],
          colors: {},
        })
      }
      onChange={(v) => onChange(v ?? '')}
      onMount={(editor, monaco) => {
        editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => onRunRef.current?.());
        // Typing wants completions and squiggles: Monaco's TypeScript worker starts (languageServiceStart.ts).
        // Ctrl/Cmd+Enter runs the job: that is not typing.
        editor.onKeyDown((e) => {
          if (isTyping(e.browserEvent)) learnerTyped();
        });
        setMounted({ editor, monaco });
      }}
      options={{
        readOnly,
        minimap: { enabled: false },
        fontSize: 13,
        scrollBeyondLastLine: false,
        automaticLayout: true,
        ariaLabel,
        tabSize: 2,
        // Faded unused names (the job API's `offset`) fail WCAG contrast in the light theme.
        showUnused: false,
        // So does the dimmed number of the empty line after a file's last newline.
        renderFinalNewline: 'on',
      }}
      loading={
        <div className="loading">
          <span className="spinner" /> {t('loadingEditor')}
        </div>
      }
    />
  );
}
