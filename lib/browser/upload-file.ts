// Browser side of the streaming upload routes (/api/imports/upload, /api/batches/<id>/results): the
// file itself is the request body, so the server writes it to disk as it arrives. XMLHttpRequest,
// not fetch, because only it reports upload progress.
export interface UploadAnswer {
  status: number;
  body: Record<string, unknown>;
}

export function uploadFile(url: string, file: File, onProgress: (sent: number, total: number) => void): Promise<UploadAnswer> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.setRequestHeader("Content-Type", "application/octet-stream");
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onerror = () => reject(new Error("The upload failed: the server could not be reached."));
    xhr.onload = () => {
      try {
        resolve({ status: xhr.status, body: JSON.parse(xhr.responseText) as Record<string, unknown> });
      } catch {
        resolve({ status: xhr.status, body: { error: `The server answered ${xhr.status}.` } });
      }
    };
    xhr.send(file);
  });
}
