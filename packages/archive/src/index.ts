export { unpackZip, ArchiveFailureCode, UNPACK_DEFAULTS, RATIO_FLOOR_BYTES } from './unpack-zip.ts';
export type { UnpackOptions, ArchiveMember, MemberFailure, Unpacked } from './unpack-zip.ts';
export { decodeMemberName, checkMemberPath, isJunkMember, type NameEncoding } from './member-name.ts';
