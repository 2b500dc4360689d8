export declare const ROOT: string;
export declare const CACHE: string;
export declare const BUNDLE: string;
export declare const MANIFEST: string;
export declare function esbuildVersion(): string;
export declare function isCurrent(): boolean;
