"use client";
// Monaco editing Python, from the app's own bundle (see monaco-setup.ts). Monaco needs `window`
// when imported, so pages render CodeEditorLazy, which loads this module with ssr: false.
import Editor from "@monaco-editor/react";
import * as monaco from "monaco-editor/editor";
import { useEffect, useRef, useState } from "react";
import { useLocale } from "@/components/layout/locale-provider";
import { workspaceMessages } from "@/i18n/workspace";
import { createEditorEchoes } from "./editor-echoes";
import "./monaco-setup";

export interface TCodeEditorProps {
  value: string;
  onChange: (value: string) => void;
  /** Ctrl+Enter, or ⌘+Enter on a Mac */
  onRunShortcut: () => void;
  ariaLabel: string;
  readOnly?: boolean;
}

/** What CodeEditorLazy needs once Monaco is on screen. */
export interface TMonacoReadyHandle {
  /** Focuses the editor with the cursor at a character offset, so typing continues where the textarea left off. */
  focusAt: (offset: number) => void;
}

export function CodeEditor({
  value,
  onChange,
  onRunShortcut,
  ariaLabel,
  readOnly = false,
  describedBy,
  onReady,
}: TCodeEditorProps & {
  /** id of the keyboard hint that screen readers read after the label */
  describedBy?: string;
  onReady?: (handle: TMonacoReadyHandle) => void;
}) {
  const t = workspaceMessages(useLocale());
  const onRunRef = useRef(onRunShortcut);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const latestValueRef = useRef(value);
  const [echoes] = useState(createEditorEchoes);
  const isApplyingValueRef = useRef(false);

  useEffect(() => {
    onRunRef.current = onRunShortcut;
  });

  /** Replaces the text as one undoable edit, for changes from outside (reset, test handle). */
  const applyValue = (text: string) => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!editor || !model || model.getValue() === text) return;
    isApplyingValueRef.current = true;
    editor.pushUndoStop();
    editor.executeEdits("convlab", [{ range: model.getFullModelRange(), text, forceMoveMarkers: true }]);
    editor.pushUndoStop();
    isApplyingValueRef.current = false;
  };

  useEffect(() => {
    latestValueRef.current = value;
    if (!echoes.isOwnEcho(value)) applyValue(value);
  }, [value, echoes]);

  const handleChange = (next: string | undefined) => {
    if (isApplyingValueRef.current || next === undefined) return;
    echoes.noteReported(next);
    onChange(next);
  };

  const handleMount = (editor: monaco.editor.IStandaloneCodeEditor) => {
    editorRef.current = editor;
    // The textarea may have been edited while Monaco loaded.
    applyValue(latestValueRef.current);
    editor.addAction({
      id: "convlab.run-tests",
      label: t.editorRunAction,
      keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
      run: () => onRunRef.current(),
    });
    if (describedBy) {
      // Monaco owns the element that takes keyboard focus and offers no option for a description.
      const describe = () => editor.getDomNode()?.querySelector('[role="textbox"]')?.setAttribute("aria-describedby", describedBy);
      describe();
      editor.onDidFocusEditorText(describe);
    }
    onReady?.({
      focusAt: (offset) => {
        const model = editor.getModel();
        if (model) editor.setPosition(model.getPositionAt(offset));
        editor.focus();
      },
    });
  };

  return (
    <Editor
      defaultValue={value}
      language="python"
      theme="vs"
      loading={null}
      onChange={handleChange}
      onMount={handleMount}
      options={{
        ariaLabel,
        readOnly,
        domReadOnly: readOnly,
        automaticLayout: true,
        fontSize: 14,
        tabSize: 4,
        insertSpaces: true,
        detectIndentation: false,
        minimap: { enabled: false },
        scrollBeyondLastLine: false,
        fixedOverflowWidgets: true,
      }}
    />
  );
}
