// Helpers of the group portfolio specs (issue 19).

export { usccFor } from '@scs/shared/testing';
