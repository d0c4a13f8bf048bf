package io.docstream.extract.bulletin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequirementRuleTest {

    private static final String ADMINISTRATIVE_ANALYST = """
            1. One year of full-time paid professional experience as a Management Assistant with the City of Los Angeles; or
            2. Two years of full-time paid experience as a Management Aide with the City of Los Angeles; or
            3. One year of full-time paid experience with the City of Los Angeles as a Chief Clerk.

            A bachelor's degree from an accredited four-year college or university may substitute for one year of full-time paid experience as a Management Aide in Requirement #2.""";

    private static final String ZOO_CURATOR = """
            1. Graduation from an accredited four-year college or university with a major in zoology; and
            2. a.  Three years of full time paid professional zoo experience as an assistant curator; or
            b.  Three years of full time paid experience supervising the care of exotic animals.""";

    @Test
    void theFirstRequirementIsTheFirstNumberedItem() {
        String first = RequirementRule.firstRequirement(ADMINISTRATIVE_ANALYST);
        assertEquals(
                "1. One year of full-time paid professional experience as a Management Assistant with the City "
                        + "of Los Angeles; or",
                first);
        assertEquals(Optional.of("1 years"), RequirementRule.experienceLength(first));
    }

    @Test
    void experienceIsOnlyReadFromTheFirstRequirement() {
        assertEquals(Optional.empty(), RequirementRule.experienceLength(RequirementRule.firstRequirement(ZOO_CURATOR)));
    }

    @Test
    void durationsInWordsMonthsAndHyphensBecomeYears() {
        assertEquals(
                Optional.of("2 years"),
                RequirementRule.experienceLength("Two-years of full-time paid experience as a Senior Electrician"));
        assertEquals(
                Optional.of("0.5 years"),
                RequirementRule.experienceLength(
                        "At least six months of full-time paid experience as a Vocational Worker"));
        assertEquals(
                Optional.of("1.5 years"),
                RequirementRule.experienceLength("Eighteen (18) months of full-time paid experience as an aquarist"));
        assertEquals(
                Optional.of("4 years"),
                RequirementRule.experienceLength(
                        "Four years as a Police Officer in the Los Angeles Police Department"));
    }

    @Test
    void aFourYearCollegeIsEducationNotExperience() {
        String requirement = "Graduation from an accredited four-year college or university and two years of "
                + "full-time paid experience conducting performance audits.";
        assertEquals(Optional.of("2 years"), RequirementRule.experienceLength(requirement));
        assertEquals(Optional.of("4 years"), RequirementRule.educationLength(requirement));
        assertEquals(Optional.of("college or university"), RequirementRule.schoolType(requirement));
    }

    @Test
    void educationOfferedOnlyAsASubstituteIsNotRequired() {
        assertEquals(Optional.empty(), RequirementRule.educationLength(ADMINISTRATIVE_ANALYST));
        assertEquals(
                Optional.of("2 years"),
                RequirementRule.educationLength(
                        "Completion of two years education in an accredited college or university with at least 4 courses"));
        assertEquals(
                Optional.of("4 years"),
                RequirementRule.educationLength(
                        "1. Two years of experience; or\n2. A bachelor's degree in Art or Graphic Design."));
    }

    @Test
    void aSubstituteInTheNextSentenceDoesNotHideTheRequiredSchool() {
        String police = "2. Graduation from a U.S. high school, G.E.D. or equivalent from a U.S. institution is "
                + "required.  A two or four year college degree may be substituted for the high school requirement.";
        assertEquals(Optional.of("high school"), RequirementRule.schoolType(police));
        assertEquals(Optional.empty(), RequirementRule.educationLength(police));
    }

    @Test
    void jobTypeComesFromTheFirstRequirementThatSaysWhich() {
        assertEquals(Optional.of("full-time"), RequirementRule.jobType(ZOO_CURATOR));
        assertEquals(Optional.of("part-time"), RequirementRule.jobType("Two years of part-time paid experience"));
        assertEquals(Optional.empty(), RequirementRule.jobType("A valid California driver's license"));
    }

    @Test
    void numbersBeyondThoseSeenInTheCorpus() {
        assertEquals(
                Optional.of("1.5 years"),
                RequirementRule.experienceLength("1. Eighteen months of full-time paid experience as a Clerk Typist"));
        assertEquals(
                Optional.of("1.5 years"),
                RequirementRule.experienceLength(
                        "One and one-half years of full-time paid experience as a Gardener Caretaker"));
        assertEquals(
                Optional.of("2.5 years"),
                RequirementRule.experienceLength(
                        "two and a half years of full-time paid experience in building maintenance"));
        assertEquals(
                Optional.of("1.5 years"),
                RequirementRule.experienceLength("1½ years of full-time paid experience as an Equipment Operator"));
        assertEquals(
                Optional.of("2.5 years"),
                RequirementRule.experienceLength("2 1/2 years of full-time paid experience as a Carpenter"));
        assertEquals(
                Optional.of("0.5 years"),
                RequirementRule.experienceLength("1/2 year of full-time paid experience as a Student Worker"));
        assertEquals(
                Optional.of("2 years"),
                RequirementRule.experienceLength("Twenty-four months of full-time paid experience as a Park Ranger"));
        assertEquals(
                Optional.of("4 years"),
                RequirementRule.experienceLength("Forty eight months of full-time paid experience as a Mechanic"));
        assertEquals(
                Optional.of("1.75 years"),
                RequirementRule.experienceLength("Twenty-one months of full-time paid experience as a Clerk"));
        assertEquals(
                Optional.of("3 years"),
                RequirementRule.experienceLength("Thirty-six (36) months of full-time paid experience as a Painter"));
    }

    @Test
    void educationYearsWithHalves() {
        assertEquals(
                Optional.of("2.5 years"),
                RequirementRule.educationLength("Completion of two and one-half years of college or university"));
        assertEquals(
                Optional.of("2 years"),
                RequirementRule.educationLength(
                        "Completion of 2 years of college with at least 12 semester units in accounting"));
    }
}
