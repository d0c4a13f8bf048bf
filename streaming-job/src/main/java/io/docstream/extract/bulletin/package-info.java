/**
 * The job bulletin rules, one small pure function per field of the spec's table: the bulletin is cut into lines
 * and sections ({@link io.docstream.extract.bulletin.BulletinSections}), and each rule reads the section the
 * spec names (salary, deadline, requirements, selection, where to apply) or the opening lines.
 */
package io.docstream.extract.bulletin;
