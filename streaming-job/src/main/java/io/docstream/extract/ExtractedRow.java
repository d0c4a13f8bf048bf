package io.docstream.extract;

import io.docstream.contract.DocType;
import java.time.LocalDate;
import java.util.List;

/**
 * One row of the output table as far as the document itself determines it (see shared/spec/fields.md).
 * Lineage columns (doc_id, source_uri, kafka offsets, times) are added by whoever carried the document.
 */
public record ExtractedRow(
        String fileName,
        String position,
        String classcode,
        Double salaryStart,
        Double salaryEnd,
        LocalDate startDate,
        LocalDate endDate,
        String req,
        String notes,
        String duties,
        List<String> selection,
        String experienceLength,
        String jobType,
        String educationLength,
        String schoolType,
        String applicationLocation,
        Double salaryDwpStart,
        Double salaryDwpEnd,
        String examType,
        DocType sourceType,
        String extractorVersion,
        String rescuedData,
        List<String> parseWarnings) {}
