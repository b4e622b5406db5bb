/**
 * The code editor: Monaco with TypeScript/JavaScript language services, following the app's
 * theme. Loaded lazily (it is several megabytes) through React.lazy.
 */
import Editor from '@monaco-editor/react';
import { useEffect, useRef } from 'react';
import './monacoSetup';
import { useAppStore } from '../../state/store';

export interface CodeEditorProps {
  value: string;
  language?: 'javascript' | 'typescript' | 'json';
  onChange(value: string): void;
  /** Called on Ctrl/Cmd+Enter. */
  onRun?(): void;
  ariaLabel?: string;
  height?: string | number;
}

export default function CodeEditor({
  value,
  language = 'javascript',
  onChange,
  onRun,
  ariaLabel = 'Code editor',
  height = '100%',
}: CodeEditorProps) {
  const theme = useAppStore((s) => s.theme);
  // Monaco keeps the command registered at mount: it calls the latest onRun through this ref.
  const onRunRef = useRef(onRun);
  useEffect(() => {
    onRunRef.current = onRun;
  });
  return (
    <Editor
      height={height}
      language={language}
      value={value}
      theme={theme === 'dark' ? 'vs-dark' : 'vs'}
      onChange={(v) => onChange(v ?? '')}
      onMount={(editor, monaco) => {
        editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => onRunRef.current?.());
      }}
      options={{
        minimap: { enabled: false },
        fontSize: 13,
        scrollBeyondLastLine: false,
        automaticLayout: true,
        ariaLabel,
        tabSize: 2,
      }}
      loading={
        <div className="loading">
          <span className="spinner" /> Loading the editor…
        </div>
      }
    />
  );
}
