// A parsing thread of `cpd-credits check`: reads one file's bytes and turns them into a workbook (the slow
// part of a check), so that many schools' files are parsed on all cores at once.
import { parentPort } from 'worker_threads';
import { parseFile, type ParseRequest } from './pool';

parentPort?.on('message', (req: ParseRequest) => {
  void parseFile(req).then((res) => {
    const transfer = res.bytes ? [res.bytes.buffer as ArrayBuffer] : [];
    parentPort!.postMessage(res, transfer);
  });
});
