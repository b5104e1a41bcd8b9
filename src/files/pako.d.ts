// The part of pako 1.0 (JSZip's inflater, a dependency of ours pinned to the same version) the bounded
// inflater uses (a streaming raw inflate whose output arrives through onData), and the zip writer's deflate
// (streaming too: a part is fed to it a chunk at a time).
declare module 'pako' {
  export class Inflate {
    constructor(options: { raw?: boolean; chunkSize?: number });
    push(data: Uint8Array, mode: boolean): boolean;
    onData: (chunk: Uint8Array) => void;
    onEnd: (status: number) => void;
    err: number;
    msg: string;
  }
  export class Deflate {
    constructor(options: { raw?: boolean; level?: number; chunkSize?: number });
    push(data: Uint8Array, mode: boolean): boolean;
    onData: (chunk: Uint8Array) => void;
    err: number;
    msg: string;
  }
  const pako: { Inflate: typeof Inflate; Deflate: typeof Deflate };
  export default pako;
}
