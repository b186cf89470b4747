package uk.nhs.bob.primarycare.population;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

import uk.nhs.bob.primarycare.population.CodedRecord.Admission;
import uk.nhs.bob.primarycare.population.CodedRecord.Medication;
import uk.nhs.bob.primarycare.population.CodedRecord.Problem;
import uk.nhs.bob.primarycare.population.FhirMapping.NotRelevant;
import uk.nhs.bob.primarycare.population.FhirMapping.Person;
import uk.nhs.bob.primarycare.population.FhirMapping.Rows;
import uk.nhs.bob.primarycare.population.FhirMapping.Skip;
import uk.nhs.bob.primarycare.population.FhirMapping.SourceId;
import uk.nhs.bob.primarycare.terminology.CodeSetFiles;

import static org.assertj.core.api.Assertions.assertThat;

class FhirResourceMapperTests {

	private static final String LOINC = "http://loinc.org";

	private static final String SNOMED = "http://snomed.info/sct";

	private static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";

	private static final String SUBJECT = "urn:uuid:7a1b-person";

	private static final String SYSTOLIC = CodeSetFiles
		.withTerm("nhsd-primary-care-domain-refsets-sysbp_cod.csv", "Systolic arterial pressure").code();

	private static final String DIASTOLIC = CodeSetFiles
		.withTerm("nhsd-primary-care-domain-refsets-diabp_cod.csv", "Diastolic arterial pressure").code();

	private final RecordCodes codes = RecordCodes.standard();

	private final FhirResourceMapper mapper = new FhirResourceMapper(FhirCodeMap.load(), codes);

	@Test
	void keepsABloodPressurePanelAndReadsItsComponentsAsSystolicAndDiastolic() {
		Observation panel = observation(LOINC, "85354-9");
		panel.addComponent().setCode(code(LOINC, "8480-6")).setValue(quantity("141", "mm[Hg]"));
		panel.addComponent().setCode(code(LOINC, "8462-4")).setValue(quantity("88", "mm[Hg]"));
		Rows rows = (Rows) mapper.map("urn:uuid:bp-1", panel);
		assertThat(rows.subject()).isEqualTo(SUBJECT);
		assertThat(rows.warnings()).isEmpty();
		assertThat(rows.rows()).extracting(FhirMapping.Row::source)
			.containsExactly(new SourceId("urn:uuid", "bp-1"), new SourceId("urn:uuid", "bp-1#SYSTOLIC_BP"),
					new SourceId("urn:uuid", "bp-1#DIASTOLIC_BP"));
		ObservationRow kept = (ObservationRow) rows.rows().get(1).value();
		assertThat(kept.codeSystem()).isEqualTo(LOINC);
		assertThat(kept.code()).isEqualTo("8480-6");
		assertThat(kept.value()).isEqualByComparingTo("141");
		assertThat(kept.unit()).isEqualTo("mm[Hg]");
		CodedRecord.Observation systolic = read(kept);
		assertThat(systolic.type()).isEqualTo(ObservationType.SYSTOLIC_BP);
		assertThat(systolic.value()).isEqualByComparingTo("141");
		assertThat(systolic.unit()).isEqualTo("mmHg");
		assertThat(systolic.date()).isEqualTo(LocalDate.of(2025, 3, 4));
		assertThat(systolic.setting()).isNull();
		assertThat(read((ObservationRow) rows.rows().get(2).value()).type()).isEqualTo(ObservationType.DIASTOLIC_BP);
		// the panel itself has no value: kept, read as nothing
		assertThat(read((ObservationRow) rows.rows().get(0).value())).isNull();
	}

	@Test
	void readsSnomedBloodPressureCodesFromTheCodeSetsAndKeepsOtherUnitsWithAWarning() {
		assertThat(read(single(observation(SNOMED, SYSTOLIC).setValue(quantity("150", "mmHg")))).type())
			.isEqualTo(ObservationType.SYSTOLIC_BP);
		assertThat(read(single(observation(SNOMED, DIASTOLIC).setValue(quantity("95", "mm[Hg]")))).type())
			.isEqualTo(ObservationType.DIASTOLIC_BP);
		Rows kpa = (Rows) mapper.map(null, observation(SNOMED, SYSTOLIC).setValue(quantity("20", "kPa")));
		assertThat(kpa.rows()).hasSize(1);
		assertThat(kpa.warnings())
			.containsExactly("Kept in the record but not used: Systolic blood pressure in unit 'kPa' is not accepted");
		assertThat(read((ObservationRow) kpa.rows().get(0).value())).isNull();
		String home = CodeSetFiles
			.withTerm("nhsd-primary-care-domain-refsets-homebp_cod.csv", "Average home systolic blood pressure").code();
		assertThat(read(single(observation(SNOMED, home).setValue(quantity("138", "mmHg")))).setting())
			.isEqualTo(BloodPressureSetting.HOME_AVERAGE);
	}

	@Test
	void convertsCholesterolFromMilligramsPerDecilitreWhenRead() {
		ObservationRow kept = single(observation(LOINC, "2093-3").setValue(quantity("193.35", "mg/dL")));
		assertThat(kept.value()).isEqualByComparingTo("193.35");
		assertThat(kept.unit()).isEqualTo("mg/dL");
		CodedRecord.Observation total = read(kept);
		assertThat(total.type()).isEqualTo(ObservationType.TOTAL_CHOLESTEROL);
		assertThat(total.value()).isEqualByComparingTo("5.00");
		assertThat(total.unit()).isEqualTo("mmol/L");
		assertThat(read(single(observation(LOINC, "2085-9").setValue(quantity("50", "mg/dL")))).value())
			.isEqualByComparingTo("1.29");
		assertThat(((Rows) mapper.map(null, observation(LOINC, "2085-9").setValue(quantity("0.5", "g/L")))).warnings())
			.containsExactly("Kept in the record but not used: HDL cholesterol in unit 'g/L' is not accepted");
	}

	@Test
	void readsBmiAndEveryEgfrCode() {
		assertThat(read(single(observation(LOINC, "39156-5").setValue(quantity("31.2", "kg/m2")))).type())
			.isEqualTo(ObservationType.BMI);
		String bmi = CodeSetFiles.withTerm("nhsd-primary-care-domain-refsets-bmival_cod.csv", "Body mass index").code();
		assertThat(read(single(observation(SNOMED, bmi).setValue(quantity("24", "kg/m2")))).type())
			.isEqualTo(ObservationType.BMI);
		for (String code : List.of("33914-3", "48642-3", "48643-1", "62238-1", "98979-8")) {
			CodedRecord.Observation egfr = read(
					single(observation(LOINC, code).setValue(quantity("58", "mL/min/{1.73_m2}"))));
			assertThat(egfr.type()).isEqualTo(ObservationType.EGFR);
			assertThat(egfr.unit()).isEqualTo("mL/min/1.73m2");
		}
		assertThat(((Rows) mapper.map(null, observation(LOINC, "33914-3").setValue(quantity("58", "mL/min"))))
			.warnings()).containsExactly("Kept in the record but not used: eGFR in unit 'mL/min' is not accepted");
	}

	@Test
	void readsSmokingStatusAnswersByTheCodeSetsAndLoinc() {
		assertThat(smoking(SNOMED, CodeSetFiles.withTerm("gm-sde-smoking-status-never.snomed.txt",
				"Never smoked tobacco (life style)").code())).isEqualTo(SmokingStatus.NEVER_SMOKED);
		assertThat(smoking(SNOMED, CodeSetFiles.withTerm("nhsd-primary-care-domain-refsets-exsmok_cod.csv",
				"Ex-smoker").code())).isEqualTo(SmokingStatus.EX_SMOKER);
		// Synthea's own answer is in the current smoker cluster
		assertThat(smoking(SNOMED, CodeSetFiles.withTerm("nhsd-primary-care-domain-refsets-lsmok_cod.csv",
				"Smokes tobacco daily").code())).isEqualTo(SmokingStatus.SMOKER);
		assertThat(smoking(LOINC, "LA18976-3")).isEqualTo(SmokingStatus.SMOKER);
		assertThat(smoking(LOINC, "LA15920-4")).isEqualTo(SmokingStatus.EX_SMOKER);
		Rows unknown = (Rows) mapper.map(null, observation(LOINC, "72166-2").setValue(code(SNOMED, "123456")));
		assertThat(unknown.warnings()).singleElement().asString().contains("not recognised");
		assertThat(read((ObservationRow) unknown.rows().get(0).value())).isNull();
	}

	@Test
	void keepsObservationsThePlatformDoesNotReadAndSkipsBadOnes() {
		ObservationRow haemoglobin = single(observation(LOINC, "718-7").setValue(quantity("14", "g/dL")));
		assertThat(haemoglobin.code()).isEqualTo("718-7");
		assertThat(haemoglobin.value()).isEqualByComparingTo("14");
		assertThat(read(haemoglobin)).isNull();
		Observation undated = observation(LOINC, "29463-7").setValue(quantity("80", "kg"));
		undated.setEffective(null);
		assertThat(mapper.map(null, undated)).isEqualTo(new Skip("Observation has no date"));
		Observation wrong = observation(LOINC, "29463-7").setValue(quantity("80", "kg"));
		wrong.setStatus(Observation.ObservationStatus.ENTEREDINERROR);
		assertThat(mapper.map(null, wrong)).isEqualTo(new Skip("Observation status is entered-in-error"));
		Observation orphan = observation(LOINC, "29463-7").setValue(quantity("80", "kg"));
		orphan.setSubject(null);
		assertThat(mapper.map(null, orphan)).isEqualTo(new Skip("Observation has no subject"));
		assertThat(mapper.map(null, observation(LOINC, "29463-7").setCode(new CodeableConcept().setText("Weight"))))
			.isEqualTo(new Skip("Observation has no code"));
	}

	@Test
	void keepsEveryConditionWithItsCodeSystemAndTerm() {
		CodeSetFiles.Row essential = CodeSetFiles.withTerm("nhsd-primary-care-domain-refsets-hyp_cod.csv",
				"Essential hypertension");
		Condition condition = new Condition();
		condition.setId("c1");
		condition.setSubject(new Reference("Patient/p1"));
		condition.setCode(new CodeableConcept().addCoding(new Coding(SNOMED, essential.code(), "Essential hypertension")));
		condition.setOnset(new DateTimeType("2021-11-26T10:00:00+00:00"));
		condition.setAbatement(new DateTimeType("2021-12-17"));
		Rows rows = (Rows) mapper.map("https://gp.example/fhir/Condition/c1", condition);
		assertThat(rows.subject()).isEqualTo("Patient/p1");
		assertThat(rows.warnings()).isEmpty();
		assertThat(rows.rows().get(0).source()).isEqualTo(new SourceId("https://gp.example/fhir", "Condition/c1"));
		Problem problem = (Problem) rows.rows().get(0).value();
		assertThat(problem.codeSystem()).isNull();
		assertThat(problem.code()).isEqualTo(essential.code());
		assertThat(problem.term()).isEqualTo("Essential hypertension");
		assertThat(problem.resolved()).isEqualTo(LocalDate.of(2021, 12, 17));
		assertThat(problem.in(uk.nhs.bob.primarycare.terminology.Cluster.HYP_COD)).isTrue();

		Condition icd = new Condition();
		icd.setSubject(new Reference("Patient/p1"));
		icd.setCode(new CodeableConcept().addCoding(new Coding("http://hl7.org/fhir/sid/icd-10", "I10", "Hypertension")));
		icd.setOnset(new DateTimeType("2021-11-26"));
		Rows kept = (Rows) mapper.map(null, icd);
		Problem icdProblem = (Problem) kept.rows().get(0).value();
		assertThat(icdProblem.codeSystem()).isEqualTo("http://hl7.org/fhir/sid/icd-10");
		assertThat(icdProblem.code()).isEqualTo("I10");
		assertThat(icdProblem.clusters().isEmpty()).isTrue();
		assertThat(kept.warnings()).singleElement().asString().contains("registers read SNOMED CT");
		Condition undated = new Condition();
		undated.setSubject(new Reference("Patient/p1"));
		undated.setCode(new CodeableConcept().addCoding(new Coding(SNOMED, essential.code(), "Hypertension")));
		assertThat(mapper.map(null, undated)).isEqualTo(new Skip("Condition has no onset or recorded date"));
	}

	@Test
	void groupsDmdMedicinesByTheCodeSetsAndOthersOnlyByTheProjectsNameMapping() {
		Medication statin = medication(RXNORM, "259255", "atorvastatin 80 MG Oral Tablet");
		assertThat(statin.categories()).contains(MedicationCategory.STATIN, MedicationCategory.LIPID_LOWERING);
		assertThat(statin.groupedByName()).isTrue();
		assertThat(statin.codeSystem()).isEqualTo(RXNORM);
		assertThat(statin.code()).isEqualTo("259255");
		assertThat(medication(RXNORM, "314076", "lisinopril 10 MG Oral Tablet").categories())
			.containsExactly(MedicationCategory.ANTIHYPERTENSIVE);
		CodeSetFiles.Row ramipril = CodeSetFiles.startingWith("nhs-drug-refsets-ace_cod.csv", "Ramipril 5mg capsules");
		Medication dmd = medication("https://dmd.nhs.uk", ramipril.code(), "Ramipril 5mg capsules");
		assertThat(dmd.categories()).containsExactly(MedicationCategory.ANTIHYPERTENSIVE);
		assertThat(dmd.groupedByName()).isFalse();
		// a dm+d code in no list is in no group, whatever its name says
		assertThat(medication("https://dmd.nhs.uk", "123456", "Ramipril 5mg capsules").categories()).isEmpty();
		Medication other = medication(RXNORM, "313782", "Acetaminophen 325 MG Oral Tablet");
		assertThat(other.categories()).isEmpty();
		assertThat(other.start()).isEqualTo(LocalDate.of(2024, 5, 6));
		assertThat(other.end()).isNull();
	}

	@Test
	void endsStoppedPrescriptionsAndReadsStatements() {
		MedicationRequest request = request(RXNORM, "312961", "Simvastatin 20 MG Oral Tablet");
		request.setStatus(MedicationRequest.MedicationRequestStatus.STOPPED);
		Medication stopped = (Medication) ((Rows) mapper.map(null, request)).rows().get(0).value();
		assertThat(stopped.end()).isEqualTo(stopped.start());
		MedicationRequest byReference = new MedicationRequest();
		byReference.setSubject(new Reference(SUBJECT));
		byReference.setMedication(new Reference("urn:uuid:medication-1"));
		byReference.setAuthoredOnElement(new DateTimeType("2024-05-06"));
		// named by reference: completed later with the referenced Medication's code
		FhirMapping deferred = mapper.map(null, byReference);
		assertThat(deferred).isInstanceOfSatisfying(FhirMapping.NeedsMedicine.class, needs -> {
			assertThat(needs.medicineKey()).isEqualTo("urn:uuid:medication-1");
			org.hl7.fhir.r4.model.CodeableConcept statin = new org.hl7.fhir.r4.model.CodeableConcept()
				.addCoding(new org.hl7.fhir.r4.model.Coding(RXNORM, "312961", "Simvastatin 20 MG Oral Tablet"));
			Medication completed = (Medication) ((Rows) needs.complete().apply(statin)).rows().get(0).value();
			assertThat(completed.in(MedicationCategory.LIPID_LOWERING)).isTrue();
			assertThat(completed.start()).isEqualTo(LocalDate.of(2024, 5, 6));
		});
		assertThat(FhirResourceMapper.medicineKey("https://example.org/fhir/Medication/42")).isEqualTo("Medication/42");

		CodeSetFiles.Row atorvastatin = CodeSetFiles.startingWith("nhs-drug-refsets-stat_cod.csv",
				"Atorvastatin 20mg tablets");
		MedicationStatement statement = new MedicationStatement();
		statement.setStatus(MedicationStatement.MedicationStatementStatus.ACTIVE);
		statement.setSubject(new Reference(SUBJECT));
		statement.setMedication(
				new CodeableConcept().addCoding(new Coding(SNOMED, atorvastatin.code(), atorvastatin.term())));
		statement.setEffective(new Period().setStartElement(new DateTimeType("2020-01-02")));
		Medication taken = (Medication) ((Rows) mapper.map(null, statement)).rows().get(0).value();
		assertThat(taken.in(MedicationCategory.STATIN)).isTrue();
		assertThat(taken.start()).isEqualTo(LocalDate.of(2020, 1, 2));
		assertThat(taken.current()).isTrue();
	}

	@Test
	void emergencyEncountersAreAttendancesAndInpatientOnesAdmissionsAsTheEncounterSays() {
		Admission emergency = admission(encounter("EMER"));
		assertThat(emergency).isEqualTo(new Admission(LocalDate.of(2017, 4, 16), false, "Myocardial infarction", true));
		assertThat(emergency.unplanned()).as("an A&E attendance is not an admission").isFalse();
		assertThat(admission(encounter("IMP")).planned()).as("an inpatient stay that does not say").isNull();
		Encounter urgent = encounter("IMP");
		urgent.setPriority(new CodeableConcept().addCoding(
				new Coding("http://terminology.hl7.org/CodeSystem/v3-ActPriority", "EM", "emergency")));
		assertThat(admission(urgent).planned()).isFalse();
		Encounter elective = encounter("IMP");
		elective.setPriority(new CodeableConcept().addCoding(
				new Coding("http://terminology.hl7.org/CodeSystem/v3-ActPriority", "EL", "elective")));
		assertThat(admission(elective).planned()).isTrue();
		Encounter fromAandE = encounter("ACUTE");
		fromAandE.getHospitalization().setAdmitSource(new CodeableConcept().addCoding(
				new Coding("http://terminology.hl7.org/CodeSystem/admit-source", "emd", "From accident/emergency")));
		assertThat(admission(fromAandE).unplanned()).isTrue();
		assertThat(mapper.map(null, encounter("AMB"))).isInstanceOf(NotRelevant.class);
	}

	@Test
	void readsThePracticeAPatientIsRegisteredWith() {
		Patient patient = patient();
		patient.addGeneralPractitioner().setIdentifier(
				new org.hl7.fhir.r4.model.Identifier().setSystem(FhirResourceMapper.ODS_SYSTEM).setValue("K84001"));
		assertThat(((Person) mapper.map(null, patient)).practiceOds()).isEqualTo("K84001");
		assertThat(((Person) mapper.map(null, patient())).practiceOds()).isNull();
	}

	@Test
	void readsTheRegistrationPeriodFromThePracticeIdentifierAndRefusesOneThatEndsBeforeItStarts() {
		Patient patient = patient();
		org.hl7.fhir.r4.model.Identifier practice = new org.hl7.fhir.r4.model.Identifier()
			.setSystem(FhirResourceMapper.ODS_SYSTEM)
			.setValue("K84001");
		practice.getPeriod().setStartElement(new org.hl7.fhir.r4.model.DateTimeType("2019-04-01"));
		practice.getPeriod().setEndElement(new org.hl7.fhir.r4.model.DateTimeType("2026-02-14T09:00:00Z"));
		patient.addGeneralPractitioner().setIdentifier(practice);
		assertThat(((Person) mapper.map(null, patient)).registration()).isEqualTo(
				new FhirMapping.Registration(LocalDate.of(2019, 4, 1), LocalDate.of(2026, 2, 14)));

		practice.getPeriod().setEndElement(new org.hl7.fhir.r4.model.DateTimeType("2018-12-31"));
		assertThat(mapper.map(null, patient)).isEqualTo(
				new Skip("The registration period at K84001 ends (2018-12-31) before it starts (2019-04-01)"));

		// no period: no registration dates, the ones held are kept
		Patient without = patient();
		without.addGeneralPractitioner().setIdentifier(
				new org.hl7.fhir.r4.model.Identifier().setSystem(FhirResourceMapper.ODS_SYSTEM).setValue("K84001"));
		assertThat(((Person) mapper.map(null, without)).registration()).isNull();
	}

	private CodedRecord.@org.jspecify.annotations.Nullable Observation read(ObservationRow row) {
		return codes.observation(row.codeSystem(), row.code(), row.value(), row.unit(), row.date(),
				row.setting() == null ? null : row.setting().name(), row.valueSystem(), row.valueCode());
	}

	private Admission admission(Encounter encounter) {
		return (Admission) ((Rows) mapper.map(null, encounter)).rows().get(0).value();
	}

	@Test
	void readsAPatientWithAnNhsNumber() {
		Patient patient = patient();
		patient.addIdentifier().setSystem(FhirResourceMapper.NHS_NUMBER_SYSTEM).setValue("943 476 5919");
		Person person = (Person) mapper.map("urn:uuid:p-1", patient);
		assertThat(person.nhsNumber()).isEqualTo("9434765919");
		assertThat(person.keys()).containsExactly("urn:uuid:p-1", "Patient/p-1");
		assertThat(person.givenName()).isEqualTo("Jessie");
		assertThat(person.familyName()).isEqualTo("Glover");
		assertThat(person.sex()).isEqualTo(Sex.MALE);
		assertThat(person.dateOfBirth()).isEqualTo(LocalDate.of(1967, 6, 8));
		assertThat(person.ethnicity()).isEqualTo(Ethnicity.NOT_STATED);
		assertThat(person.dateOfDeath()).isNull();
	}

	@Test
	void rejectsAnNhsNumberFailingTheCheckDigitAndPatientsWithoutSex() {
		Patient patient = patient();
		patient.addIdentifier().setSystem(FhirResourceMapper.NHS_NUMBER_SYSTEM).setValue("9876544321");
		assertThat(mapper.map(null, patient))
			.isEqualTo(new Skip("NHS number 9876544321 is not valid (Modulus 11 check)"));
		assertThat(mapper.map(null, patient().setGender(AdministrativeGender.UNKNOWN))).isInstanceOf(Skip.class);
		Patient noBirthDate = patient();
		noBirthDate.setBirthDateElement(new DateType());
		assertThat(mapper.map(null, noBirthDate)).isEqualTo(new Skip("Patient has no birth date"));
	}

	@Test
	void mapsEthnicityFromUkCoreOrUsCoreRace() {
		Patient british = patient();
		british.addExtension(new Extension(FhirResourceMapper.UK_CORE_ETHNIC_CATEGORY,
				new CodeableConcept().addCoding(new Coding("https://fhir.hl7.org.uk/CodeSystem/UKCore-EthnicCategory", "H", null))));
		assertThat(((Person) mapper.map(null, british)).ethnicity()).isEqualTo(Ethnicity.ASIAN_INDIAN);
		Patient american = patient();
		Extension race = american.addExtension().setUrl(FhirResourceMapper.US_CORE_RACE);
		race.addExtension("ombCategory", new Coding("urn:oid:2.16.840.1.113883.6.238", "2054-5", "Black"));
		assertThat(((Person) mapper.map(null, american)).ethnicity()).isEqualTo(Ethnicity.BLACK_OTHER);
	}

	@Test
	void skipsResourceTypesItDoesNotImport() {
		assertThat(mapper.map(null, new Procedure())).isEqualTo(new Skip("Resource type Procedure is not imported"));
	}

	@Test
	void turnsReferencesIntoPatientKeys() {
		assertThat(FhirResourceMapper.reference("urn:uuid:abc")).isEqualTo("urn:uuid:abc");
		assertThat(FhirResourceMapper.reference("Patient/1")).isEqualTo("Patient/1");
		assertThat(FhirResourceMapper.reference("https://gp.example/fhir/Patient/1/_history/2")).isEqualTo("Patient/1");
		assertThat(SourceId.of(null, "Observation", "o1")).isEqualTo(new SourceId("bundle", "Observation/o1"));
	}

	private SmokingStatus smoking(String system, String code) {
		CodedRecord.Observation observation = read(single(observation(LOINC, "72166-2").setValue(code(system, code))));
		assertThat(observation.type()).isEqualTo(ObservationType.SMOKING_STATUS);
		assertThat(observation.value()).isEqualByComparingTo(BigDecimal.ZERO);
		return observation.smoking().orElseThrow();
	}

	private ObservationRow single(Observation observation) {
		FhirMapping mapping = mapper.map("urn:uuid:o-1", observation);
		assertThat(mapping).isInstanceOf(Rows.class);
		List<FhirMapping.Row<?>> rows = ((Rows) mapping).rows();
		assertThat(rows).hasSize(1);
		return (ObservationRow) rows.get(0).value();
	}

	private Medication medication(String system, String code, String name) {
		return (Medication) ((Rows) mapper.map(null, request(system, code, name))).rows().get(0).value();
	}

	private static MedicationRequest request(String system, String code, String name) {
		MedicationRequest request = new MedicationRequest();
		request.setId("m1");
		request.setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE);
		request.setSubject(new Reference(SUBJECT));
		request.setMedication(new CodeableConcept().addCoding(new Coding(system, code, name)).setText(name));
		request.setAuthoredOnElement(new DateTimeType("2024-05-06T10:00:00+01:00"));
		return request;
	}

	private static Encounter encounter(String classCode) {
		Encounter encounter = new Encounter();
		encounter.setId("e1");
		encounter.setStatus(Encounter.EncounterStatus.FINISHED);
		encounter.setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", classCode, null));
		encounter.setSubject(new Reference(SUBJECT));
		encounter.setPeriod(new Period().setStartElement(new DateTimeType("2017-04-16T21:07:59+00:00")));
		encounter.addReasonCode(new CodeableConcept().setText("Myocardial infarction"));
		return encounter;
	}

	private static Patient patient() {
		Patient patient = new Patient();
		patient.setId("p-1");
		patient.addName().setFamily("Glover433").addGiven("Jessie665");
		patient.setGender(AdministrativeGender.MALE);
		patient.setBirthDateElement(new DateType("1967-06-08"));
		return patient;
	}

	private static Observation observation(String system, String code) {
		Observation observation = new Observation();
		observation.setId("o-1");
		observation.setStatus(Observation.ObservationStatus.FINAL);
		observation.setCode(code(system, code));
		observation.setSubject(new Reference(SUBJECT));
		observation.setEffective(new DateTimeType("2025-03-04T09:30:00+00:00"));
		return observation;
	}

	private static CodeableConcept code(String system, String code) {
		return new CodeableConcept().addCoding(new Coding(system, code, null));
	}

	private static Quantity quantity(String value, String ucum) {
		return new Quantity().setValue(new BigDecimal(value)).setSystem(FhirResourceMapper.UCUM).setCode(ucum).setUnit(ucum);
	}

}
