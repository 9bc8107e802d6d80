"use client";
// Monaco editing Python, from the app's own bundle (see monaco-setup.ts). Monaco needs `window`
// when imported, so pages render CodeEditorLazy, which loads this module with ssr: false.
import Editor from "@monaco-editor/react";
import * as monaco from "monaco-editor/editor";
import { useEffect, useRef, useState } from "react";
import { useLocale } from "@/components/layout/locale-provider";
import { useColorTheme } from "@/components/layout/use-color-theme";
import { workspaceMessages } from "@/i18n/workspace";
import { createEditorEchoes } from "./editor-echoes";
import "./monaco-setup";

export interface TCodeEditorProps {
  value: string;
  onChange: (value: string) => void;
  /** Ctrl+Enter, or ⌘+Enter on a Mac */
  onRunShortcut: () => void;
  /** Ctrl+Shift+Enter, or ⌘+Shift+Enter on a Mac */
  onSubmitShortcut: () => void;
  ariaLabel: string;
  readOnly?: boolean;
  /** the line the shown result's error points at, marked with its message */
  errorMarker?: { line: number; message: string } | null;
}

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Focus to the next (or previous) focusable element outside `container`, in document order. */
function moveFocusOutOf(container: HTMLElement, backwards: boolean) {
  const outside = [...document.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (element) => !container.contains(element) && element.getClientRects().length > 0,
  );
  const isAfter = (element: HTMLElement) => Boolean(container.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING);
  const target = backwards ? outside.filter((element) => !isAfter(element)).at(-1) : outside.find(isAfter);
  target?.focus();
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
  onSubmitShortcut,
  ariaLabel,
  readOnly = false,
  errorMarker = null,
  describedBy,
  onReady,
}: TCodeEditorProps & {
  /** id of the keyboard hint that screen readers read after the label */
  describedBy?: string;
  onReady?: (handle: TMonacoReadyHandle) => void;
}) {
  const t = workspaceMessages(useLocale());
  const onRunRef = useRef(onRunShortcut);
  const onSubmitRef = useRef(onSubmitShortcut);
  const theme = useColorTheme();
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const latestValueRef = useRef(value);
  const [echoes] = useState(createEditorEchoes);
  const isApplyingValueRef = useRef(false);
  const [isMounted, setIsMounted] = useState(false);

  useEffect(() => {
    onRunRef.current = onRunShortcut;
    onSubmitRef.current = onSubmitShortcut;
  });

  useEffect(() => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!editor || !model) return;
    if (!errorMarker || errorMarker.line > model.getLineCount()) {
      monaco.editor.setModelMarkers(model, "convlab", []);
      return;
    }
    const { line, message } = errorMarker;
    monaco.editor.setModelMarkers(model, "convlab", [
      {
        severity: monaco.MarkerSeverity.Error,
        message,
        startLineNumber: line,
        startColumn: model.getLineFirstNonWhitespaceColumn(line) || 1,
        endLineNumber: line,
        endColumn: model.getLineMaxColumn(line),
      },
    ]);
    // After the page's own layout (the results panel opening shrinks the editor) has settled.
    const frame = requestAnimationFrame(() => {
      editor.layout();
      editor.revealLineInCenterIfOutsideViewport(line);
    });
    return () => cancelAnimationFrame(frame);
  }, [errorMarker, isMounted]);

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
    // Replaces Monaco's own Ctrl+Shift+Enter (insert a line above) on purpose.
    editor.addAction({
      id: "convlab.submit",
      label: t.editorSubmitAction,
      keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyMod.Shift | monaco.KeyCode.Enter],
      run: () => onSubmitRef.current(),
    });
    // Esc, then Tab leaves the editor (Tab alone indents). Monaco keeps Esc for closing its widgets,
    // so Esc only arms the next key.
    let isEscArmed = false;
    editor.onKeyDown((event) => {
      if (event.keyCode === monaco.KeyCode.Escape) {
        isEscArmed = true;
        return;
      }
      const isPlainTab = event.keyCode === monaco.KeyCode.Tab && !event.ctrlKey && !event.altKey && !event.metaKey;
      if (isEscArmed && isPlainTab) {
        event.preventDefault();
        event.stopPropagation();
        const container = editor.getContainerDomNode();
        moveFocusOutOf(container, event.shiftKey);
      }
      isEscArmed = false;
    });
    setIsMounted(true);
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
      theme={theme === "dark" ? "vs-dark" : "vs"}
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
