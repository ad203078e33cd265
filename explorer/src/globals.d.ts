// Monaco looks its workers up on this global (see main.tsx).
declare var MonacoEnvironment: { getWorker(workerId: string, label: string): Worker } | undefined;

declare module '*.css';
