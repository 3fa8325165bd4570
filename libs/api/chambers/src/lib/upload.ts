// The upload interceptor is shared with the partner import and evidence upload: it lives in @scs/api/core.
export { FileUpload, type UploadedBytes } from '@scs/api/core';
