import { z } from 'zod';

/** A photo or file stored elsewhere and referenced here: an http(s) URL or an object key (no spaces, no leading slash). */
export const fileRef = (label: string) =>
  z
    .string()
    .trim()
    .max(500, `${label}引用最多 500 个字符`)
    .refine((v) => /^https?:\/\/\S+$/.test(v) || /^[\w.-][\w./-]*$/.test(v), `${label}须为 http(s) 地址或对象存储键`);
