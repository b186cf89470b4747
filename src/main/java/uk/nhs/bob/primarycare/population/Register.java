package uk.nhs.bob.primarycare.population;

import java.util.List;

import uk.nhs.bob.primarycare.terminology.Cluster;
import uk.nhs.bob.primarycare.terminology.ClusterSet;

/**
 * The disease registers, built as the QOF business rules build them (see docs/codesets.md): a person is on a register
 * when their latest diagnosis code is not followed by a resolved code, where the register has a resolved cluster;
 * registers without one hold anyone with a diagnosis code ever recorded, whatever end date the sending system gave.
 * DM1 and DM2 are the diabetes register split by the latest type 1 or type 2 code.
 */
public enum Register {

	HYP("Hypertension", 0, List.of(Cluster.HYP_COD), List.of(Cluster.HYPRES_COD)),
	CHD("Coronary heart disease", 0, List.of(Cluster.CHD_COD), List.of()),
	STIA("Stroke or transient ischaemic attack", 0, List.of(Cluster.STRK_COD, Cluster.TIA_COD), List.of()),
	PAD("Peripheral arterial disease", 0, List.of(Cluster.PAD_COD), List.of()),
	AF("Atrial fibrillation", 0, List.of(Cluster.AFIB_COD), List.of()),
	HF("Heart failure", 0, List.of(Cluster.HF_COD), List.of()),
	DM("Diabetes mellitus", 17, List.of(Cluster.DM_COD), List.of(Cluster.DMRES_COD)),
	DM1("Type 1 diabetes", 17, List.of(Cluster.DMTYPE1_COD), List.of()),
	DM2("Type 2 diabetes", 17, List.of(Cluster.DMTYPE2_COD), List.of()),
	CKD35("Chronic kidney disease stage 3-5", 18, List.of(Cluster.CKD_COD),
			List.of(Cluster.CKD1AND2_COD, Cluster.CKDRES_COD)),
	AST("Asthma", 6, List.of(Cluster.AST_COD), List.of(Cluster.ASTRES_COD)),
	COPD("Chronic obstructive pulmonary disease", 0, List.of(Cluster.COPD_COD), List.of(Cluster.COPDRES_COD)),
	DEM("Dementia", 0, List.of(Cluster.DEM_COD), List.of()),
	DEP("Depression", 18, List.of(Cluster.DEPR_COD), List.of(Cluster.DEPRES_COD)),
	SMI("Severe mental illness", 0, List.of(Cluster.MH_COD), List.of(Cluster.MHREM_COD)),
	RA("Rheumatoid arthritis", 16, List.of(Cluster.RARTH_COD), List.of()),
	OST("Osteoporosis", 50, List.of(Cluster.OSTEO_COD), List.of());

	/** Existing cardiovascular disease: coronary heart disease, stroke or TIA, peripheral arterial disease. */
	public static final List<Register> CARDIOVASCULAR_DISEASE = List.of(CHD, STIA, PAD);

	private final String title;

	private final int minimumAge;

	private final List<Cluster> diagnosis;

	private final List<Cluster> resolved;

	final ClusterSet diagnosisSet;

	final ClusterSet resolvedSet;

	Register(String title, int minimumAge, List<Cluster> diagnosis, List<Cluster> resolved) {
		this.title = title;
		this.minimumAge = minimumAge;
		this.diagnosis = diagnosis;
		this.resolved = resolved;
		this.diagnosisSet = ClusterSet.of(diagnosis.toArray(Cluster[]::new));
		this.resolvedSet = ClusterSet.of(resolved.toArray(Cluster[]::new));
	}

	public String title() {
		return title;
	}

	/** Age from which QOF counts the register (0: all ages). */
	public int minimumAge() {
		return minimumAge;
	}

	public List<Cluster> diagnosisClusters() {
		return diagnosis;
	}

	public List<Cluster> resolvedClusters() {
		return resolved;
	}

	/** DM1 and DM2 are subsets of DM, decided by the latest type code of someone on the DM register. */
	public boolean diabetesType() {
		return this == DM1 || this == DM2;
	}

}
