export declare const PAGE_CSP: string;
export declare const SANDBOX_WORKER_CSP: string;
export declare function cspFor(pathname: string): string;
export declare const MIME_TYPES: Record<string, string>;
export declare function mimeTypeOf(file: string): string;
